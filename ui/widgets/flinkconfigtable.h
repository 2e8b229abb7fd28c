#pragma once

#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>

class QTableWidget;
class QToolButton;

namespace capstan {

// A key/value table for a FlinkDeployment's flinkConfiguration. The key column completes the keys
// operators use most (checkpointing, savepoints, Kubernetes HA, restart strategy, operator settings).
// Rows with an empty key are not part of entries().
class FlinkConfigTable final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlinkConfigTable)

public:
    using Entry = QPair<QString, QString>;

    explicit FlinkConfigTable(QWidget *parent = nullptr);

    static QStringList knownKeys();

    void setEntries(const QList<Entry> &entries);
    QList<Entry> entries() const;

    // The value of key, or a null QString when the key is absent.
    QString value(const QString &key) const;
    // Sets the value of key, appending a row when it is absent. Emits changed() when something changed.
    void setValue(const QString &key, const QString &value);
    void removeKey(const QString &key);

    // Appends an empty row and opens the key editor.
    void addRow();
    void removeCurrentRow();

signals:
    void changed();

private:
    int rowOf(const QString &key) const;
    void updateButtons();

    QTableWidget *m_table;
    QToolButton *m_add;
    QToolButton *m_remove;
};

} // namespace capstan
