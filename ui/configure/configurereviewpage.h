#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QWidget>

#include <memory>

namespace capstan {

namespace Ui {
class ConfigureReviewPage;
}

// The review of a spec change, for Configure Deployment and every action that writes the spec: what
// the operator will do with it in one sentence, the spec's diff, and what still blocks it.
class ConfigureReviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConfigureReviewPage)

public:
    explicit ConfigureReviewPage(QWidget *parent = nullptr);
    ~ConfigureReviewPage() override;

    // The sentence for a change of a running deployment's spec from before to after (translated).
    static QString sentence(const QJsonObject &before, const QJsonObject &after);
    // The same for a Ververica Platform deployment's spec, by its desired state and upgrade strategy.
    static QString platformSentence(const QJsonObject &before, const QJsonObject &after);

    // Configure: the change from before to after.
    void showChange(const QJsonObject &before, const QJsonObject &after);
    // An action's change, with the sentence the action has for it and what follows from it.
    void showChange(const QJsonObject &before, const QJsonObject &after, const QString &what,
                    const QString &detail = {});
    // What an action does that is not a spec change (Delete): no diff.
    void showStatement(const QString &what, const QString &detail);
    // New Deployment: the deployment to be created with spec.
    void showCreation(const QString &name, const QString &ns, const QJsonObject &spec);
    // What blocks Apply; none: nothing is shown.
    void showProblems(const QStringList &problems);

private:
    std::unique_ptr<Ui::ConfigureReviewPage> m_ui;
};

} // namespace capstan
