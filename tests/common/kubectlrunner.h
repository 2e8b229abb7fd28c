#pragma once

// Runs the installed, unmodified kubectl against a kubeconfig, with its own HOME and cache so the
// user's configuration never leaks in.

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace capstan::test {

class KubectlRunner
{
public:
    explicit KubectlRunner(const QString &kubeconfig)
        : m_kubeconfig(kubeconfig)
        , m_program(QStandardPaths::findExecutable(QStringLiteral("kubectl")))
    {
    }

    bool available() const { return !m_program.isEmpty(); }

    struct Output
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };

    Output run(const QStringList &args, int timeoutMs = 30000) const
    {
        QProcess p;
        start(p, args);
        Output o;
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return o;
        }
        o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        o.out = p.readAllStandardOutput();
        o.err = p.readAllStandardError();
        return o;
    }

    // Starts a long-running kubectl (e.g. get -w) in `process`.
    void start(QProcess &process, const QStringList &args) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.remove(QStringLiteral("KUBECONFIG"));
        process.setProcessEnvironment(env);
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(m_program,
                      QStringList{QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--cache-dir"),
                                  m_home.filePath(QStringLiteral("cache"))}
                          + args);
    }

private:
    QString m_kubeconfig;
    QString m_program;
    QTemporaryDir m_home;
};

} // namespace capstan::test
