#include "command.h"

#include "core/workflow/alembicimport.h"

using namespace Qt::StringLiterals;

namespace strata::cli {

// `strata import-alembic SRC [DEST]`: takes over a Flask-Migrate / Alembic folder.
class ImportAlembicCommand : public Command
{
public:
    QString name() const override { return u"import-alembic"_s; }
    QString summary() const override
    {
        return u"Translate a Flask-Migrate / Alembic migrations folder into Strata revisions"_s;
    }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(u"SRC"_s, u"the Alembic folder (holds alembic.ini or env.py and versions/)"_s,
                                     u"SRC"_s);
        parser.addPositionalArgument(u"DEST"_s, u"where to write the Strata project (default: SRC itself)"_s,
                                     u"[DEST]"_s);
        parser.addOption({u"force"_s, u"Replace files the import would write that exist already."_s});
        parser.addOption({u"dialect"_s,
                          u"Read the scripts through Python for this database, sqlite or postgresql (their dialect "
                          "branches resolve for it); default: alembic.ini's URL, else postgresql."_s,
                          u"NAME"_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QStringList args = parser.positionalArguments().mid(1);
        if (args.isEmpty() || args.size() > 2)
            return context.report(Error::make(Error::Code::Usage, u"import-alembic takes SRC and an optional DEST"_s,
                                              {}, u"e.g. `strata import-alembic migrations`"_s));
        alembic::ImportOptions options;
        options.source = args.at(0);
        options.destination = args.value(1);
        options.force = parser.isSet(u"force"_s);
        if (const QString name = parser.value(u"dialect"_s); !name.isEmpty()) {
            options.dialect = dialectKindNamed(name);
            if (!options.dialect)
                return context.report(Error::make(Error::Code::Usage, u"unknown dialect '%1'"_s.arg(name), {},
                                                  u"use --dialect sqlite or --dialect postgresql"_s));
        }
        auto result = alembic::importAlembic(options);
        if (!result)
            return context.report(result.error());
        context.out() << alembic::importReport(*result);
        context.out().flush();
        return 0;
    }
};

std::unique_ptr<Command> makeImportAlembicCommand()
{
    return std::make_unique<ImportAlembicCommand>();
}

} // namespace strata::cli
