#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace capstan {

namespace Ui {
class ConfigureReviewPage;
}

// The Review page of ConfigureDialog: what the operator will do with the change in one sentence, the
// spec's diff, and what still blocks Apply.
class ConfigureReviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigureReviewPage)

public:
    explicit ConfigureReviewPage(QWidget *parent = nullptr);
    ~ConfigureReviewPage() override;

    // The sentence for a change of a running deployment's spec from before to after (translated).
    static QString sentence(const QJsonObject &before, const QJsonObject &after);

    // Configure: the change from before to after.
    void showChange(const QJsonObject &before, const QJsonObject &after);
    // New Deployment: the deployment to be created with spec.
    void showCreation(const QString &name, const QString &ns, const QJsonObject &spec);
    // What blocks Apply; none: nothing is shown.
    void showProblems(const QStringList &problems);

private:
    std::unique_ptr<Ui::ConfigureReviewPage> m_ui;
};

} // namespace capstan
