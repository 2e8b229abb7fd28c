#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <algorithm>

namespace capstan {

// Rows of value type T found by key (a uid) through a hash index, for the table models that apply
// batches from the session: an update costs O(1), new rows of a batch arrive in one insertion, and each
// contiguous run of removed rows costs one pass over the rows below it. Rows are removed, never moved: a
// selection or other persistent index stays on its key (moving the last row into a hole would carry
// the selection of a removed row over to another deployment or snapshot).
// KeyOf is a functor returning T's key.
template <typename T, typename KeyOf>
class KeyedTableModel : public QAbstractTableModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : m_columns; }

    const T &at(int row) const { return m_rows.at(row); }
    const QList<T> &rows() const { return m_rows; }
    int rowOf(const QString &key) const { return m_rowByKey.value(key, -1); }
    const T *find(const QString &key) const
    {
        const int row = rowOf(key);
        return row < 0 ? nullptr : &m_rows.at(row);
    }

protected:
    KeyedTableModel(int columns, QObject *parent)
        : QAbstractTableModel(parent)
        , m_columns(columns)
    {
    }

    void resetRows(const QList<T> &rows)
    {
        beginResetModel();
        m_rows.clear();
        m_rowByKey.clear();
        for (const T &value : rows) {
            const QString key = KeyOf()(value);
            if (m_rowByKey.contains(key))
                continue;
            m_rowByKey.insert(key, static_cast<int>(m_rows.size()));
            m_rows.append(value);
        }
        endResetModel();
    }

    void removeKeys(const QStringList &keys)
    {
        QList<int> rows;
        rows.reserve(keys.size());
        for (const QString &key : keys) {
            const int row = m_rowByKey.value(key, -1);
            if (row >= 0)
                rows.append(row);
        }
        if (rows.isEmpty())
            return;
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        // Contiguous runs from the bottom up, so the row numbers of the runs above stay valid.
        qsizetype i = rows.size() - 1;
        while (i >= 0) {
            const int last = rows.at(i);
            int first = last;
            while (i > 0 && rows.at(i - 1) == first - 1)
                first = rows.at(--i);
            --i;
            beginRemoveRows({}, first, last);
            for (int row = first; row <= last; ++row)
                m_rowByKey.remove(KeyOf()(m_rows.at(row)));
            m_rows.remove(first, last - first + 1);
            for (int row = first; row < m_rows.size(); ++row)
                m_rowByKey.insert(KeyOf()(m_rows.at(row)), row);
            endRemoveRows();
        }
    }

    void upsert(const QList<T> &values)
    {
        QList<T> added;
        QHash<QString, qsizetype> addedByKey;
        for (const T &value : values) {
            const QString key = KeyOf()(value);
            const int row = m_rowByKey.value(key, -1);
            if (row < 0) {
                // The same key twice in one batch: the later value wins.
                const auto seen = addedByKey.constFind(key);
                if (seen != addedByKey.cend()) {
                    added[*seen] = value;
                } else {
                    addedByKey.insert(key, added.size());
                    added.append(value);
                }
                continue;
            }
            m_rows[row] = value;
            emit dataChanged(index(row, 0), index(row, m_columns - 1));
        }
        if (added.isEmpty())
            return;
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const T &value : std::as_const(added)) {
            m_rowByKey.insert(KeyOf()(value), static_cast<int>(m_rows.size()));
            m_rows.append(value);
        }
        endInsertRows();
    }

private:
    int m_columns;
    QList<T> m_rows;
    QHash<QString, int> m_rowByKey;
};

} // namespace capstan
