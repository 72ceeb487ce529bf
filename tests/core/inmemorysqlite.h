#pragma once

// A private in-memory SQLite database for tests that check rendered SQL really
// runs. Statements run the way the runner runs a step: foreign_keys off, one
// transaction, and a PRAGMA foreign_key_check that returns rows fails it.

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

#include <atomic>

class InMemorySqlite
{
public:
    InMemorySqlite()
        : m_name(QStringLiteral("strata-test-%1").arg(s_counter++))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(QStringLiteral(":memory:"));
        m_opened = db.open();
    }
    ~InMemorySqlite()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    InMemorySqlite(const InMemorySqlite &) = delete;
    InMemorySqlite &operator=(const InMemorySqlite &) = delete;

    bool isOpen() const { return m_opened; }
    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

    // Runs the statements in one transaction with foreign keys off; returns
    // the first failure ("statement: message"), or an empty string.
    QString runStep(const QStringList &statements)
    {
        QSqlDatabase db = database();
        if (QString error = runOne(u"PRAGMA foreign_keys = OFF"); !error.isEmpty())
            return error;
        if (!db.transaction())
            return QStringLiteral("BEGIN: ") + db.lastError().text();
        for (const QString &statement : statements) {
            if (QString error = runOne(statement); !error.isEmpty()) {
                db.rollback();
                return error;
            }
        }
        if (!db.commit())
            return QStringLiteral("COMMIT: ") + db.lastError().text();
        return {};
    }

    // Runs one statement; a foreign_key_check that finds rows is a failure.
    QString runOne(QStringView statement)
    {
        QSqlQuery query(database());
        const QString sql = statement.toString();
        if (!query.exec(sql))
            return sql + QStringLiteral(": ") + query.lastError().text();
        if (sql.startsWith(QStringLiteral("PRAGMA foreign_key_check")) && query.next())
            return sql + QStringLiteral(": foreign key violations in ") + query.value(0).toString();
        return {};
    }

    // Every row of a query, its values joined by '|'; NULL shows as "NULL".
    QStringList rows(const QString &sql)
    {
        QSqlQuery query(database());
        QStringList result;
        if (!query.exec(sql))
            return {QStringLiteral("error: ") + query.lastError().text()};
        while (query.next()) {
            QStringList values;
            for (int i = 0; i < query.record().count(); ++i)
                values << (query.isNull(i) ? QStringLiteral("NULL") : query.value(i).toString());
            result << values.join(u'|');
        }
        return result;
    }

private:
    static inline std::atomic_int s_counter = 0;
    QString m_name;
    bool m_opened = false;
};
