#include "ui/database/overviewmodels.h"

#include "ui/theme/themecolors.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace strata::ui {

namespace {

QColor sideColour(int sideOrder)
{
    const QPalette palette = QGuiApplication::palette();
    switch (sideOrder) {
    case 0: return ThemeColors::warning(palette);
    case 1: return ThemeColors::error(palette);
    case 2: return ThemeColors::info(palette);
    default: return ThemeColors::dimText(palette);
    }
}

QVariant staleForeground(bool stale)
{
    return stale ? QVariant(ThemeColors::dimText(QGuiApplication::palette())) : QVariant();
}

} // namespace

QString sizeText(qint64 bytes)
{
    return bytes < 0 ? u"—"_s : QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

void TableFootprintModel::setTables(const QList<TableFootprint> &tables, const QStringList &bookkeeping)
{
    beginResetModel();
    m_tables = tables;
    m_bookkeeping = bookkeeping;
    m_stale = false;
    endResetModel();
}

void TableFootprintModel::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    if (!m_tables.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

int TableFootprintModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_tables.size()); }

int TableFootprintModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TableFootprintModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TableFootprint &table = m_tables.at(index.row());
    const bool bookkeeping = m_bookkeeping.contains(table.name);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return bookkeeping ? QString(table.name + tr(" (migrations)")) : table.name;
        case Rows:
            if (table.rows < 0)
                return u"—"_s;
            return QString((table.rowsEstimated ? u"≈ "_s : QString()) + QLocale().toString(table.rows));
        case Size: return sizeText(table.bytes);
        }
        break;
    case RawValueRole:
        switch (index.column()) {
        case Name: return table.name;
        case Rows: return table.rows;
        case Size: return table.bytes;
        }
        break;
    case Qt::TextAlignmentRole:
        return index.column() == Name ? QVariant() : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        return bookkeeping ? QVariant(ThemeColors::dimText(QGuiApplication::palette())) : staleForeground(m_stale);
    case Qt::ToolTipRole:
        if (bookkeeping)
            // alembic_version is Alembic's as much as Strata's: name the role, not the tool.
            return tr("Kept by the migration tools (the version rows, Strata's history), not by the application");
        if (table.rowsEstimated)
            return tr("Too large to count at each refresh: PostgreSQL's estimate from its last ANALYZE");
        break;
    }
    return {};
}

QVariant TableFootprintModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Table");
    case Rows: return tr("Rows");
    case Size: return tr("Size");
    }
    return {};
}

void ObjectDriftModel::setDrift(const QList<ObjectDrift> &drift, const QList<UntrackedObject> &untracked)
{
    beginResetModel();
    m_rows.clear();
    for (const ObjectDrift &d : drift) {
        m_rows << Row{driftSideName(d.side), objectKindName(d.kind), d.table, d.name, d.detail,
                      d.side == ObjectDrift::Side::OnlyInDatabase ? 0 : d.side == ObjectDrift::Side::OnlyInHistory ? 1 : 2};
    }
    for (const UntrackedObject &object : untracked) {
        m_rows << Row{tr("not modelled"), object.kind, object.table, object.name,
                      tr("revisions can only make a %1 with raw SQL; the history does not track it").arg(object.kind),
                      3};
    }
    m_stale = false;
    endResetModel();
}

void ObjectDriftModel::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::ForegroundRole});
}

int ObjectDriftModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int ObjectDriftModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ObjectDriftModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case RawValueRole:
        switch (index.column()) {
        case Side: return row.side;
        case Kind: return row.kind;
        case Table: return row.table;
        case Name: return row.name;
        case Detail: return row.detail;
        }
        break;
    case Qt::ForegroundRole:
        if (m_stale)
            return staleForeground(true);
        return index.column() == Side ? QVariant(sideColour(row.sideOrder)) : QVariant();
    case Qt::ToolTipRole:
        return index.column() == Detail ? QVariant(row.detail) : QVariant();
    }
    return {};
}

QVariant ObjectDriftModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Side: return tr("Where");
    case Kind: return tr("Kind");
    case Table: return tr("Table");
    case Name: return tr("Name");
    case Detail: return tr("What");
    }
    return {};
}

} // namespace strata::ui
