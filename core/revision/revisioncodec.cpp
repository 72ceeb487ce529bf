#include "core/revision/revisioncodec.h"

#include "core/ops/operationkinds.h"

using namespace Qt::StringLiterals;

namespace strata {

// A field added to one of these types must be added to the codec too, or the
// cache would hand back revisions without it. These sizes (x86-64 and
// AArch64 with libstdc++) turn most such additions into a compile error here;
// the round-trip test over the test corpus catches the rest. Each operation's
// own fields() sits beside its class, with its size checked in its .cpp.
#if defined(__GLIBCXX__) && (defined(__x86_64__) || defined(__aarch64__))
// upgradeData, downgradeData, pythonError and the Alembic calls belong to
// Alembic scripts, which this cache of YAML revisions never holds.
static_assert(sizeof(Revision) == 248 + 2 * sizeof(DataStep) + sizeof(QString) + 2 * sizeof(QList<AlembicCall>),
              "Revision changed: update encodeRevision/decodeRevision");
static_assert(sizeof(Table) == 192 && sizeof(Column) == 144 && sizeof(Index) == 80 && sizeof(ForeignKey) == 152
                  && sizeof(UniqueConstraint) == 56 && sizeof(CheckConstraint) == 56 && sizeof(ColumnType) == 72,
              "a schema type changed: update the codec in revisioncodec.cpp");
// SchemaLookup is a cache of lookups, rebuilt on demand: never encoded.
static_assert(sizeof(Schema) == sizeof(QList<Table>) + sizeof(SchemaLookup), "Schema changed: update encodeSchema/decodeSchema");
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

void encodeOperations(ByteWriter &out, const OperationList &ops)
{
    out << qint32(ops.size());
    for (const OperationPtr &op : ops) {
        const QString kind = op->kind();
        out << kind << qint32(op->line);
        const bool known = visitOperationKind(kind, [&](auto *type) {
            using T = std::remove_pointer_t<decltype(type)>;
            T::fields(static_cast<const T &>(*op), [&](const auto &field) { out << field; });
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
        const bool known = visitOperationKind(kind, [&](auto *type) {
            using T = std::remove_pointer_t<decltype(type)>;
            auto typed = std::make_shared<T>();
            T::fields(*typed, [&](auto &field) { in >> field; });
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

void encodeSchema(ByteWriter &out, const Schema &schema)
{
    out << schema.tables;
}

bool decodeSchema(ByteReader &in, Schema &schema)
{
    in >> schema.tables;
    return in.ok();
}

} // namespace strata
