#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace capstan {

// Laid over an empty deployment list that is current, it says why the list is empty and offers the
// way out: all namespaces when the chosen one holds no deployments, or clearing a filter that
// matches none. It covers its parent (the list's viewport) and follows its size.
class EmptyListPlaceholder final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyListPlaceholder)

public:
    enum class Reason { None, EmptyNamespace, EmptyEverywhere, NoMatch };

    explicit EmptyListPlaceholder(QWidget *parent);

    // `live`: the list shows the cluster as it is now; `rows`: the rows it shows; `ns`: the namespace
    // listed ("" for all of them); `filterText`: the filter as typed. Shows or hides the placeholder.
    void refresh(bool live, int rows, const QString &ns, const QString &filterText);
    Reason reason() const { return m_reason; }
    QString text() const;
    QPushButton *button() const { return m_button; }

signals:
    void showAllNamespacesRequested();
    void clearFilterRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void place();
    void updateColors();

    QLabel *m_text;
    QPushButton *m_button;
    Reason m_reason = Reason::None;
};

} // namespace capstan
