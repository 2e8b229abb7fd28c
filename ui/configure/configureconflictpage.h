#pragma once

#include <QJsonObject>
#include <QWidget>

#include <memory>

namespace capstan {

namespace Ui {
class ConfigureConflictPage;
}

// The page ConfigureDialog shows instead of its tabs when a write was refused as a conflict: what the other
// client changed, what the user changed, the fields both changed, and the two ways on.
class ConfigureConflictPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigureConflictPage)

public:
    explicit ConfigureConflictPage(QWidget *parent = nullptr);
    ~ConfigureConflictPage() override;

    // base: the spec both edits started from, at resourceVersion editedVersion; mine: the user's spec;
    // server: the FlinkDeployment as the server has it now, empty when the server did not send it (then
    // only discarding is offered).
    void showConflict(const QJsonObject &base, const QString &editedVersion, const QJsonObject &mine,
                      const QJsonObject &server);

signals:
    void reapplyRequested();
    void discardRequested();

private:
    std::unique_ptr<Ui::ConfigureConflictPage> m_ui;
};

} // namespace capstan
