#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QStringList>
#include <QTimeZone>

#include <cstring>
#include <optional>
#include <type_traits>

namespace strata {

// A flat, native-endian encoding for the revision cache: a QDataStream on a
// QBuffer pays a virtual device read per field, which made decoding the
// cache of 10,000 revisions cost more than building their graph. Only this
// build of Strata reads what it wrote, so no portability is needed; every
// read is bounds-checked, and a short or bad buffer just fails.
class ByteWriter
{
public:
    QByteArray bytes() const { return m_bytes; }

    template <typename T> requires std::is_arithmetic_v<T> || std::is_enum_v<T>
    ByteWriter &operator<<(T value)
    {
        m_bytes.append(reinterpret_cast<const char *>(&value), sizeof value);
        return *this;
    }
    ByteWriter &operator<<(const QString &text)
    {
        *this << qint32(text.isNull() ? -1 : text.size());
        m_bytes.append(reinterpret_cast<const char *>(text.constData()), text.size() * qsizetype(sizeof(QChar)));
        return *this;
    }
    ByteWriter &operator<<(const QDateTime &time)
    {
        *this << time.isValid();
        if (!time.isValid())
            return *this;
        *this << time.toMSecsSinceEpoch() << qint32(time.timeSpec()) << qint32(time.offsetFromUtc());
        if (time.timeSpec() == Qt::TimeZone)
            *this << QString::fromLatin1(time.timeZone().id());
        return *this;
    }
    template <typename T>
    ByteWriter &operator<<(const QList<T> &list)
    {
        *this << qint32(list.size());
        for (const T &item : list)
            *this << item;
        return *this;
    }
    ByteWriter &operator<<(const QMap<QString, QString> &map)
    {
        *this << qint32(map.size());
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            *this << it.key() << it.value();
        return *this;
    }
    template <typename T>
    ByteWriter &operator<<(const std::optional<T> &value)
    {
        *this << value.has_value();
        if (value)
            *this << *value;
        return *this;
    }

private:
    QByteArray m_bytes;
};

class ByteReader
{
public:
    explicit ByteReader(QByteArrayView bytes) : m_at(bytes.data()), m_end(bytes.data() + bytes.size()) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_at == m_end; }

    template <typename T> requires std::is_arithmetic_v<T> || std::is_enum_v<T>
    ByteReader &operator>>(T &value)
    {
        value = T{};
        if (take(sizeof value))
            std::memcpy(&value, m_at - sizeof value, sizeof value);
        return *this;
    }
    ByteReader &operator>>(bool &value)
    {
        quint8 byte = 0;
        *this >> byte;
        value = byte != 0;
        return *this;
    }
    ByteReader &operator>>(QString &text)
    {
        qint32 size = 0;
        *this >> size;
        text = QString();
        if (size < 0 || !m_ok)
            return *this;
        if (take(qsizetype(size) * qsizetype(sizeof(QChar))))
            text = QString(reinterpret_cast<const QChar *>(m_at - size * qsizetype(sizeof(QChar))), size);
        return *this;
    }
    ByteReader &operator>>(QDateTime &time)
    {
        bool valid = false;
        qint64 msecs = 0;
        qint32 spec = 0, offset = 0;
        time = QDateTime();
        *this >> valid;
        if (!valid)
            return *this;
        *this >> msecs >> spec >> offset;
        if (spec == Qt::TimeZone) {
            QString zone;
            *this >> zone;
            time = QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone(zone.toLatin1()));
        } else {
            time = QDateTime::fromMSecsSinceEpoch(msecs, Qt::TimeSpec(spec), offset);
        }
        return *this;
    }
    template <typename T>
    ByteReader &operator>>(QList<T> &list)
    {
        qint32 size = 0;
        *this >> size;
        list.clear();
        // Each item takes at least one byte: a size past the end is damage, not a reason to allocate.
        if (size < 0 || size > m_end - m_at) {
            m_ok = false;
            return *this;
        }
        list.resize(size);
        for (T &item : list)
            *this >> item;
        return *this;
    }
    ByteReader &operator>>(QMap<QString, QString> &map)
    {
        qint32 size = 0;
        *this >> size;
        map.clear();
        for (qint32 i = 0; i < size && m_ok; ++i) {
            QString key, value;
            *this >> key >> value;
            map.insert(key, value);
        }
        return *this;
    }
    template <typename T>
    ByteReader &operator>>(std::optional<T> &value)
    {
        bool present = false;
        *this >> present;
        value.reset();
        if (present) {
            T v{};
            *this >> v;
            value = std::move(v);
        }
        return *this;
    }

private:
    bool take(qsizetype size)
    {
        if (!m_ok || size > m_end - m_at) {
            m_ok = false;
            return false;
        }
        m_at += size;
        return true;
    }

    const char *m_at;
    const char *m_end;
    bool m_ok = true;
};

} // namespace strata
