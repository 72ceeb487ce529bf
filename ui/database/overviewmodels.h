#pragma once

#include "core/diff/objectdrift.h"
#include "core/introspect/tablefootprint.h"

#include <QAbstractTableModel>

namespace strata::ui {

// Raw values for sorting and tests; DisplayRole is text for people.
enum OverviewRole { RawValueRole = Qt::UserRole + 1 };

// The database's tables: name, rows, size. Stale rows are drawn dimmed.
class TableFootprintModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Rows, Size, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setTables(const QList<TableFootprint> &tables, const QStringList &bookkeeping);
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    const TableFootprint &tableAt(int row) const { return m_tables.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<TableFootprint> m_tables;
    QStringList m_bookkeeping;
    bool m_stale = false;
};

// Drift object by object: where it is, what kind, which table, its name and
// what it is or what differs. Views and triggers follow as "not modelled".
class ObjectDriftModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Side, Kind, Table, Name, Detail, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setDrift(const QList<ObjectDrift> &drift, const QList<UntrackedObject> &untracked);
    void setStale(bool stale);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    struct Row
    {
        QString side, kind, table, name, detail;
        int sideOrder = 0;   // for the colour: 0 database only, 1 history only, 2 differs, 3 not modelled
    };
    QList<Row> m_rows;
    bool m_stale = false;
};

// "1.2 MiB", "—" when unknown.
QString sizeText(qint64 bytes);

} // namespace strata::ui
