#include "project/revisioncodec.h"

#include "ops/altertableop.h"
#include "ops/columnops.h"
#include "ops/constraintops.h"
#include "ops/executeop.h"
#include "ops/indexops.h"
#include "ops/tableops.h"


using namespace Qt::StringLiterals;

namespace strata {

// A field added to one of these types must be added to the codec too, or the
// cache would hand back revisions without it. These sizes (x86-64 and
// AArch64 with libstdc++) turn most such additions into a compile error here;
// the round-trip test over the test corpus catches the rest.
#if defined(__GLIBCXX__) && (defined(__x86_64__) || defined(__aarch64__))
// upgradeData, downgradeData and pythonError belong to Alembic scripts, which
// this cache of YAML revisions never holds.
static_assert(sizeof(Revision) == 248 + 2 * sizeof(DataStep) + sizeof(QString),
              "Revision changed: update encodeRevision/decodeRevision");
static_assert(sizeof(Table) == 192 && sizeof(Column) == 144 && sizeof(Index) == 80 && sizeof(ForeignKey) == 152
                  && sizeof(UniqueConstraint) == 56 && sizeof(CheckConstraint) == 56 && sizeof(ColumnType) == 72,
              "a schema type changed: update the codec in revisioncodec.cpp");
static_assert(sizeof(CreateTable) == 208 && sizeof(DropTable) == 48 && sizeof(RenameTable) == 64
                  && sizeof(AddColumn) == 184 && sizeof(DropColumn) == 64 && sizeof(AlterColumn) == 216
                  && sizeof(CreateIndex) == 120 && sizeof(DropIndex) == 64 && sizeof(CreateUnique) == 96
                  && sizeof(CreateForeignKey) == 192 && sizeof(CreateCheck) == 96 && sizeof(DropConstraint) == 64
                  && sizeof(Execute) == 48 && sizeof(AlterTable) == 48,
              "an operation changed: update the codec in revisioncodec.cpp");
#endif

// The stream operators live in namespace strata (static, not in an unnamed
// namespace) so the QList and std::optional templates of ByteWriter and
// ByteReader find them by argument-dependent lookup.
static ByteWriter &operator<<(ByteWriter &out, const ColumnType &t)
{
    return out << qint32(t.kind) << qint32(t.length) << qint32(t.precision) << qint32(t.scale) << t.name << t.values
               << t.native << t.createConstraint;
}

static ByteReader &operator>>(ByteReader &in, ColumnType &t)
{
    qint32 kind = 0, length = 0, precision = 0, scale = 0;
    in >> kind >> length >> precision >> scale >> t.name >> t.values >> t.native >> t.createConstraint;
    t.kind = ColumnType::Kind(kind);
    t.length = length;
    t.precision = precision;
    t.scale = scale;
    return in;
}

static ByteWriter &operator<<(ByteWriter &out, const Column &c)
{
    return out << c.name << c.type << c.nullable << c.defaultValue << c.autoincrement << c.serial;
}

static ByteReader &operator>>(ByteReader &in, Column &c)
{
    return in >> c.name >> c.type >> c.nullable >> c.defaultValue >> c.autoincrement >> c.serial;
}

static ByteWriter &operator<<(ByteWriter &out, const Index &i)
{
    return out << i.name << i.columns << i.unique << i.where;
}

static ByteReader &operator>>(ByteReader &in, Index &i)
{
    return in >> i.name >> i.columns >> i.unique >> i.where;
}

static ByteWriter &operator<<(ByteWriter &out, const UniqueConstraint &u)
{
    return out << u.name << u.columns << u.generatedName;
}

static ByteReader &operator>>(ByteReader &in, UniqueConstraint &u)
{
    return in >> u.name >> u.columns >> u.generatedName;
}

static ByteWriter &operator<<(ByteWriter &out, const ForeignKey &f)
{
    return out << f.name << f.columns << f.refTable << f.refColumns << f.onDelete << f.onUpdate << f.generatedName << f.useAlter;
}

static ByteReader &operator>>(ByteReader &in, ForeignKey &f)
{
    return in >> f.name >> f.columns >> f.refTable >> f.refColumns >> f.onDelete >> f.onUpdate >> f.generatedName >> f.useAlter;
}

static ByteWriter &operator<<(ByteWriter &out, const CheckConstraint &c)
{
    return out << c.name << c.expression << c.generatedName;
}

static ByteReader &operator>>(ByteReader &in, CheckConstraint &c)
{
    return in >> c.name >> c.expression >> c.generatedName;
}

static ByteWriter &operator<<(ByteWriter &out, const Table &t)
{
    return out << t.name << t.columns << t.primaryKey << t.primaryKeyName << t.uniques << t.foreignKeys << t.checks << t.indexes;
}

static ByteReader &operator>>(ByteReader &in, Table &t)
{
    return in >> t.name >> t.columns >> t.primaryKey >> t.primaryKeyName >> t.uniques >> t.foreignKeys >> t.checks >> t.indexes;
}

namespace {

// Each operation's fields, in one place for both directions: `io` is the
// stream and `<<` or `>>` is applied through `apply`.
template <typename Stream, typename Op>
void fields(Stream &&io, Op &op)
{
    using T = std::remove_const_t<Op>;
    if constexpr (std::is_same_v<T, CreateTable>) io(op.table);
    else if constexpr (std::is_same_v<T, DropTable>) { io(op.name); io(op.keepReferences); }
    else if constexpr (std::is_same_v<T, RenameTable>) { io(op.from); io(op.to); }
    else if constexpr (std::is_same_v<T, AlterTable>) { io(op.name); io(op.sqliteAutoincrement); }
    else if constexpr (std::is_same_v<T, AddColumn>) { io(op.table); io(op.column); }
    else if constexpr (std::is_same_v<T, DropColumn>) { io(op.table); io(op.column); }
    else if constexpr (std::is_same_v<T, AlterColumn>) {
        io(op.table); io(op.column); io(op.type); io(op.nullable); io(op.changeDefault); io(op.defaultValue);
        io(op.newName);
    }
    else if constexpr (std::is_same_v<T, CreateIndex>) { io(op.table); io(op.index); }
    else if constexpr (std::is_same_v<T, DropIndex>) { io(op.table); io(op.name); }
    else if constexpr (std::is_same_v<T, CreateUnique>) { io(op.table); io(op.constraint); }
    else if constexpr (std::is_same_v<T, CreateForeignKey>) { io(op.table); io(op.foreignKey); }
    else if constexpr (std::is_same_v<T, CreateCheck>) { io(op.table); io(op.check); }
    else if constexpr (std::is_same_v<T, DropConstraint>) { io(op.table); io(op.name); }
    else if constexpr (std::is_same_v<T, Execute>) { io(op.sql); io(op.variants); }
    else static_assert(sizeof(T) == 0, "an operation without a codec");
}

// Calls f with a pointer to the operation as its concrete type (nullptr when unknown).
template <typename F>
bool visitKind(const QString &kind, F &&f)
{
    if (kind == u"create_table"_s) f(static_cast<CreateTable *>(nullptr));
    else if (kind == u"drop_table"_s) f(static_cast<DropTable *>(nullptr));
    else if (kind == u"rename_table"_s) f(static_cast<RenameTable *>(nullptr));
    else if (kind == u"alter_table"_s) f(static_cast<AlterTable *>(nullptr));
    else if (kind == u"add_column"_s) f(static_cast<AddColumn *>(nullptr));
    else if (kind == u"drop_column"_s) f(static_cast<DropColumn *>(nullptr));
    else if (kind == u"alter_column"_s) f(static_cast<AlterColumn *>(nullptr));
    else if (kind == u"create_index"_s) f(static_cast<CreateIndex *>(nullptr));
    else if (kind == u"drop_index"_s) f(static_cast<DropIndex *>(nullptr));
    else if (kind == u"create_unique"_s) f(static_cast<CreateUnique *>(nullptr));
    else if (kind == u"create_foreign_key"_s) f(static_cast<CreateForeignKey *>(nullptr));
    else if (kind == u"create_check"_s) f(static_cast<CreateCheck *>(nullptr));
    else if (kind == u"drop_constraint"_s) f(static_cast<DropConstraint *>(nullptr));
    else if (kind == u"execute"_s) f(static_cast<Execute *>(nullptr));
    else return false;
    return true;
}

void encodeOperations(ByteWriter &out, const OperationList &ops)
{
    out << qint32(ops.size());
    for (const OperationPtr &op : ops) {
        const QString kind = op->kind();
        out << kind << qint32(op->line);
        const bool known = visitKind(kind, [&](auto *type) {
            using T = std::remove_pointer_t<decltype(type)>;
            fields([&](const auto &field) { out << field; }, static_cast<const T &>(*op));
        });
        Q_ASSERT_X(known, "encodeOperations", "an operation kind without a codec");
    }
}

bool decodeOperations(ByteReader &in, OperationList &ops)
{
    qint32 count = 0;
    in >> count;
    if (count < 0 || !in.ok())
        return false;
    ops.clear();
    ops.reserve(count);
    for (qint32 i = 0; i < count; ++i) {
        QString kind;
        qint32 line = 0;
        in >> kind >> line;
        std::shared_ptr<Operation> op;
        const bool known = visitKind(kind, [&](auto *type) {
            using T = std::remove_pointer_t<decltype(type)>;
            auto typed = std::make_shared<T>();
            fields([&](auto &field) { in >> field; }, *typed);
            op = std::move(typed);
        });
        if (!known || !in.ok())
            return false;
        op->line = line;
        ops << op;
    }
    return true;
}

} // namespace

void encodeRevision(ByteWriter &out, const Revision &r)
{
    out << r.id << r.downRevisions << r.message << r.created << r.branchLabels << r.dependsOn << r.transactional
        << r.filePath << r.checksum << qint32(r.idLine) << qint32(r.downRevisionLine) << qint32(r.dependsOnLine);
    encodeOperations(out, r.upgrade);
    encodeOperations(out, r.downgrade);
}

bool decodeRevision(ByteReader &in, Revision &r)
{
    qint32 idLine = 0, downRevisionLine = 0, dependsOnLine = 0;
    in >> r.id >> r.downRevisions >> r.message >> r.created >> r.branchLabels >> r.dependsOn >> r.transactional
        >> r.filePath >> r.checksum >> idLine >> downRevisionLine >> dependsOnLine;
    r.idLine = idLine;
    r.downRevisionLine = downRevisionLine;
    r.dependsOnLine = dependsOnLine;
    return in.ok() && decodeOperations(in, r.upgrade) && decodeOperations(in, r.downgrade);
}

} // namespace strata
