#pragma once

#include "core/alembic/pythonsyntax_p.h"
#include "core/schema/schema.h"

namespace strata::alembic {

// Reads the SQLAlchemy constructs Alembic scripts pass to operations into
// Strata's schema types. Each returns an error message (the Error's message,
// no location: the caller knows the line) for what it cannot translate
// faithfully, so nothing is guessed.
namespace sqlalchemy {

// sa.Integer(), sa.String(length=50), postgresql.UUID(), sa.DateTime(timezone=True)...
Result<ColumnType> columnType(const PyValue &value);
// A server_default or a check's text: sa.text('0'), 'draft' (quoted as SQLAlchemy does).
Result<QString> sqlText(const PyValue &value, bool quoteStrings);
// A name argument: 'ix_x', op.f('ix_x'), batch_op.f('ix_x'); None gives an empty name.
Result<QString> name(const PyValue &value);

// A column and what it adds to its table: sa.Column('user_id', sa.Integer(),
// sa.ForeignKey('user.id'), nullable=False, primary_key=True, unique=True).
struct ColumnDefinition
{
    Column column;
    bool primaryKey = false;
    std::optional<bool> autoincrement;     // as written; nullopt for SQLAlchemy's "auto"
    bool unique = false;
    QList<ForeignKey> foreignKeys;
};
Result<ColumnDefinition> column(const PyValue &call);

// Adds a table-level item of op.create_table to the table: sa.Column,
// sa.PrimaryKeyConstraint, sa.ForeignKeyConstraint, sa.UniqueConstraint, sa.CheckConstraint.
Status addTableItem(const PyValue &item, Table &table, QList<ColumnDefinition> &columns);
// Settles the primary key and SQLAlchemy's autoincrement="auto" rule once every item is in.
void finishTable(Table &table, const QList<ColumnDefinition> &columns);

// 'user.id' -> ("user", "id")
Result<std::pair<QString, QString>> columnReference(const QString &text);
// ondelete/onupdate as Strata spells them: "CASCADE" -> "cascade".
QString referentialAction(const QString &text);

} // namespace sqlalchemy
} // namespace strata::alembic
