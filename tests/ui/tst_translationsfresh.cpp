// The committed catalogues match the sources: lupdate run over the sources into a copy of each
// .ts finds no new and no vanished string, and every string is translated (no "unfinished", no
// "obsolete" or "vanished" entries), with the same placeholders as its source. On failure the
// test prints the strings concerned; `cmake --build build --target update_translations` brings the
// catalogues up to date.

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry
{
    QString type; // "", "unfinished", "obsolete" or "vanished"
    QStringList translations; // one, or one per plural form
    bool numerus = false;
};

// context, source and disambiguation comment: what identifies a string in a catalogue.
using Key = std::tuple<QString, QString, QString>;

QString describe(const Key &key)
{
    const auto &[context, source, comment] = key;
    QString text = context + QStringLiteral(": \"") + source + QLatin1Char('"');
    if (!comment.isEmpty())
        text += QStringLiteral(" (") + comment + QLatin1Char(')');
    return text;
}

QMap<Key, Entry> readCatalogue(const QString &path, QString *error)
{
    QMap<Key, Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return entries;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            Entry entry;
            entry.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            QString source;
            QString comment;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("message")) && !xml.atEnd()) {
                xml.readNext();
                if (!xml.isStartElement())
                    continue;
                if (xml.name() == QLatin1String("source")) {
                    source = xml.readElementText();
                } else if (xml.name() == QLatin1String("comment")) {
                    comment = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    entry.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (!entry.numerus)
                        entry.translations << xml.readElementText();
                } else if (xml.name() == QLatin1String("numerusform")) {
                    entry.translations << xml.readElementText();
                }
            }
            entries.insert({context, source, comment}, entry);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber());
    return entries;
}

// The %1…%99 and %n a text uses, sorted.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (const auto &match : pattern.globalMatch(text))
        found << match.captured();
    found.sort();
    found.removeDuplicates();
    return found;
}

} // namespace

class TestTranslationsFresh : public QObject
{
    Q_OBJECT

private slots:
    void catalogues_data();
    void catalogues();
};

void TestTranslationsFresh::catalogues_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("pluralOnly");
    const QStringList files = QStringLiteral(CAPSTAN_TS_FILES).split(QLatin1Char('|'), Qt::SkipEmptyParts);
    const QStringList pluralFiles = QStringLiteral(CAPSTAN_TS_PLURAL_FILES).split(QLatin1Char('|'), Qt::SkipEmptyParts);
    QVERIFY(!files.isEmpty());
    QVERIFY(!pluralFiles.isEmpty());
    for (const QString &file : files)
        QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file << false;
    // The English catalogue: only the plural forms of texts written with "(s)".
    for (const QString &file : pluralFiles)
        QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file << true;
}

void TestTranslationsFresh::catalogues()
{
    QFETCH(QString, path);
    QFETCH(bool, pluralOnly);
    QString error;
    const QMap<Key, Entry> committed = readCatalogue(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(path + QStringLiteral(": ") + error));
    QVERIFY(!committed.isEmpty());

    // lupdate writes into a copy; without -no-obsolete it keeps strings that are gone, marked.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString copy = dir.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QStringList arguments = QStringLiteral(CAPSTAN_LUPDATE_OPTIONS).split(QLatin1Char('|'), Qt::SkipEmptyParts);
    if (pluralOnly)
        arguments << QStringLiteral("-pluralonly");
    arguments << QStringLiteral(CAPSTAN_LUPDATE_SOURCES).split(QLatin1Char('|'), Qt::SkipEmptyParts);
    arguments << QStringLiteral("-ts") << copy;
    QProcess lupdate;
    lupdate.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    lupdate.start(QStringLiteral(CAPSTAN_LUPDATE), arguments);
    QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
    QCOMPARE(lupdate.exitStatus(), QProcess::NormalExit);
    QCOMPARE(lupdate.exitCode(), 0);
    const QMap<Key, Entry> refreshed = readCatalogue(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(copy + QStringLiteral(": ") + error));

    QStringList problems;
    for (auto it = refreshed.cbegin(); it != refreshed.cend(); ++it) {
        if (!committed.contains(it.key()))
            problems << QStringLiteral("new in the sources, missing from the catalogue: ") + describe(it.key());
        else if (it->type == QLatin1String("vanished") || it->type == QLatin1String("obsolete"))
            problems << QStringLiteral("no longer in the sources: ") + describe(it.key());
    }
    for (auto it = committed.cbegin(); it != committed.cend(); ++it) {
        const QString &source = std::get<1>(it.key());
        if (it->type == QLatin1String("unfinished"))
            problems << QStringLiteral("unfinished: ") + describe(it.key());
        else if (!it->type.isEmpty())
            problems << it->type + QStringLiteral(": ") + describe(it.key());
        else if (it->translations.isEmpty() || it->translations.contains(QString()))
            problems << QStringLiteral("empty translation: ") + describe(it.key());
        for (const QString &translation : it->translations) {
            // A plural form for one may say "ein" instead of %n; every other placeholder must stay.
            QStringList expected = placeholders(source);
            QStringList actual = placeholders(translation);
            if (it->numerus) {
                expected.removeAll(QStringLiteral("%n"));
                actual.removeAll(QStringLiteral("%n"));
            }
            if (!translation.isEmpty() && expected != actual)
                problems << QStringLiteral("placeholders %1 instead of %2: ")
                                .arg(actual.join(QLatin1Char(' ')), expected.join(QLatin1Char(' ')))
                        + describe(it.key());
        }
    }
    for (const QString &problem : std::as_const(problems))
        qWarning().noquote() << problem;
    QVERIFY2(problems.isEmpty(),
             qPrintable(QStringLiteral("%1 is out of date with the sources (%2 problems above); run "
                                       "`cmake --build <build> --target update_translations` and translate "
                                       "what is unfinished")
                            .arg(QFileInfo(path).fileName())
                            .arg(problems.size())));
}

QTEST_GUILESS_MAIN(TestTranslationsFresh)
#include "tst_translationsfresh.moc"
