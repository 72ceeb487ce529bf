#include "command.h"
#include "schemareport.h"

#include "core/dialect/dialect.h"


#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

namespace strata::cli {

// `strata diff SOURCE TARGET [--sql]`: what turns SOURCE into TARGET, where
// each is a revision (@REV), `models`, or a database URL. Prints the
// operations as a revision's upgrade list, or with --sql the statements for
// the target's database. pgAdmin's Schema Diff, on the command line.
class DiffCommand : public Command
{
public:
    QString name() const override { return u"diff"_s; }
    QString summary() const override { return u"Show what turns one schema into another (@REV, models, URL)"_s; }
    void addOptions(QCommandLineParser &parser) const override
    {
        parser.addPositionalArgument(u"SOURCE"_s, u"@REV (id, prefix, @head, @base), models, or a database URL."_s);
        parser.addPositionalArgument(u"TARGET"_s, u"The same kinds as SOURCE."_s);
        parser.addOption({u"sql"_s, u"Print SQL for the target's database instead of operations."_s});
        parser.addOption({u"dialect"_s, u"With --sql when neither side is a database: sqlite or postgresql."_s,
                          u"NAME"_s});
    }
    int run(Context &context, const QCommandLineParser &parser) const override
    {
        const QStringList args = parser.positionalArguments().mid(1);
        if (args.size() != 2)
            return context.report(Error::make(Error::Code::Usage, u"diff needs a SOURCE and a TARGET"_s, {},
                                              u"e.g. `strata diff @head models` or `strata diff @head sqlite:///app.db`"_s));
        auto project = context.project();
        if (!project)
            return context.report(project.error());
        auto from = loadSchemaSource(args.at(0), **project);
        if (!from)
            return context.report(from.error());
        auto to = loadSchemaSource(args.at(1), **project);
        if (!to)
            return context.report(to.error());
        printNotes(context, *from);
        printNotes(context, *to);
        const Comparison comparison = prepareComparison(*from, *to);
        auto diff = diffSchemas(comparison.from, comparison.to, comparison.options);
        if (!diff)
            return context.report(diff.error());
        printNotes(context, *diff);
        if (diff->upgrade.isEmpty()) {
            context.info(u"No differences between %1 and %2"_s.arg(from->label, to->label)
                         + (diff->unsupported.isEmpty() ? QString() : u" that an operation can express"_s));
            return 0;
        }
        if (!parser.isSet(u"sql"_s)) {
            printOperations(context, *diff);
            return 0;
        }
        return printSql(context, parser, comparison.from, *from, *to, *diff);
    }

private:
    static void printOperations(Context &context, const SchemaDiff &diff)
    {
        YAML::Emitter out;
        out << YAML::BeginSeq;
        for (const OperationPtr &op : diff.upgrade)
            out << operationToYaml(*op);
        out << YAML::EndSeq;
        context.out() << "upgrade:\n" << QString::fromStdString(out.c_str()) << Qt::endl;
    }

    static int printSql(Context &context, const QCommandLineParser &parser, Schema before, const SchemaSource &from,
                        const SchemaSource &to, const SchemaDiff &diff)
    {
        // A database side decides; else --dialect, else the project's database.
        std::optional<Dialect::Kind> kind = to.dialect ? to.dialect : from.dialect;
        const QString dialectName = parser.value(u"dialect"_s);
        if (!kind && !dialectName.isEmpty()) {
            kind = dialectKindNamed(dialectName);
            if (!kind)
                return context.report(Error::make(Error::Code::Usage, u"unknown dialect '%1'"_s.arg(dialectName), {},
                                                  u"use sqlite or postgresql"_s));
        }
        if (!kind) {
            auto url = context.databaseUrl();
            if (!url)
                return context.report(Error::make(Error::Code::Usage, u"--sql needs a database dialect"_s, {},
                                                  u"neither side is a database: pass --dialect sqlite or postgresql"_s));
            kind = url->dialect;
        }
        const auto dialect = Dialect::forKind(*kind);
        context.out() << "-- " << from.label << " -> " << to.label << " (" << dialect->name() << ")\n";
        for (const QString &line : diff.unsupported)
            context.out() << "-- not generated: " << line << '\n';
        for (const OperationPtr &op : diff.upgrade) {
            auto statements = op->render(*dialect, before);
            if (!statements)
                return context.report(statements.error());
            context.out() << "\n-- " << op->describe() << '\n';
            for (const QString &statement : *statements)
                context.out() << statement << ";\n";
            if (auto applied = op->apply(before); !applied)
                return context.report(applied.error());
        }
        context.out().flush();
        return 0;
    }
};

std::unique_ptr<Command> makeDiffCommand() { return std::make_unique<DiffCommand>(); }

} // namespace strata::cli
