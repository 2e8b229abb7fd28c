#include "kube/backoff.h"

#include <QTest>

using namespace capstan;

class TestBackoff : public QObject
{
    Q_OBJECT

private slots:
    void growsWithJitterUpToMax()
    {
        Backoff backoff(800, 30000, 120000);
        int step = 800;
        for (int i = 0; i < 10; ++i) {
            const int delay = backoff.nextDelayMs();
            QVERIFY2(delay >= std::min(step, 30000) && delay <= 30000, qPrintable(QString::number(delay)));
            QCOMPARE(backoff.currentStepMs(), std::min(step, 30000));
            step *= 2;
        }
    }

    void resetsOnlyAfterLongHealth()
    {
        Backoff backoff(100, 1000, 50);
        backoff.nextDelayMs();
        backoff.nextDelayMs();
        QCOMPARE(backoff.currentStepMs(), 200);
        backoff.markHealthy();
        backoff.markUnhealthy(); // healthy for ~0 ms: keeps growing
        backoff.nextDelayMs();
        QCOMPARE(backoff.currentStepMs(), 400);
        backoff.markHealthy();
        QTest::qWait(80);
        backoff.markUnhealthy(); // healthy long enough: starts over
        backoff.nextDelayMs();
        QCOMPARE(backoff.currentStepMs(), 100);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
