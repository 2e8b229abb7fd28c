#include "kube/kubeconfigloader.h"

#include <limits>
#include <optional>
#include <vector>

#include <sys/stat.h>

#include <yaml-cpp/yaml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QtNumeric>

#include "logging.h"

namespace capstan {

namespace {

// ---------------------------------------------------------------------------------------------
// Go's path/filepath semantics on Unix (Clean, Dir, Abs, Getwd), so paths come out byte for byte
// as kubectl computes them.

QString goClean(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral(".");
    const bool rooted = path.front() == QLatin1Char('/');
    const qsizetype n = path.size();
    QString out;
    out.reserve(n);
    qsizetype r = 0;
    qsizetype dotdot = 0;
    if (rooted) {
        out.append(QLatin1Char('/'));
        r = 1;
        dotdot = 1;
    }
    const auto at = [&path, n](qsizetype i) { return i < n ? path.at(i) : QChar(); };
    while (r < n) {
        const QChar c = path.at(r);
        if (c == QLatin1Char('/')) {
            ++r;
        } else if (c == QLatin1Char('.') && (r + 1 == n || at(r + 1) == QLatin1Char('/'))) {
            ++r;
        } else if (c == QLatin1Char('.') && at(r + 1) == QLatin1Char('.')
                   && (r + 2 == n || at(r + 2) == QLatin1Char('/'))) {
            r += 2;
            if (out.size() > dotdot) {
                qsizetype w = out.size() - 1;
                while (w > dotdot && out.at(w) != QLatin1Char('/'))
                    --w;
                out.truncate(w);
            } else if (!rooted) {
                if (!out.isEmpty())
                    out.append(QLatin1Char('/'));
                out.append(QLatin1String(".."));
                dotdot = out.size();
            }
        } else {
            if ((rooted && out.size() != 1) || (!rooted && !out.isEmpty()))
                out.append(QLatin1Char('/'));
            for (; r < n && path.at(r) != QLatin1Char('/'); ++r)
                out.append(path.at(r));
        }
    }
    if (out.isEmpty())
        return QStringLiteral(".");
    return out;
}

QString goDir(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return goClean(path.left(slash + 1));
}

// os.Getwd: $PWD when it names the working directory, else getcwd().
QString goGetwd()
{
    const QByteArray pwd = qgetenv("PWD");
    if (pwd.startsWith('/')) {
        struct stat a = {};
        struct stat b = {};
        if (::stat(pwd.constData(), &a) == 0 && ::stat(".", &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
            return QFile::decodeName(pwd);
    }
    return QDir::currentPath();
}

QString goAbs(const QString &path)
{
    if (path.startsWith(QLatin1Char('/')))
        return goClean(path);
    return goClean(goGetwd() + QLatin1Char('/') + path);
}

// ---------------------------------------------------------------------------------------------
// encoding/base64.StdEncoding.Decode, which is what Go's encoding/json applies to []byte fields:
// padding is required, '\r' and '\n' are skipped, anything else outside the alphabet is an error.

int base64Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

// Returns the decoded bytes, or std::nullopt with *badOffset set to Go's CorruptInputError offset.
std::optional<QByteArray> goBase64Decode(const QByteArray &src, qsizetype *badOffset)
{
    const auto isNewline = [](char c) { return c == '\n' || c == '\r'; };
    const qsizetype n = src.size();
    QByteArray out;
    out.reserve(n / 4 * 3 + 3);
    qsizetype si = 0;
    while (si < n) {
        int dbuf[4] = {0, 0, 0, 0};
        int dlen = 4;
        bool corrupt = false;
        qsizetype corruptAt = 0;
        for (int j = 0; j < 4; ++j) {
            if (si == n) {
                if (j == 0)
                    return out;
                *badOffset = si - j;
                return std::nullopt;
            }
            const char in = src.at(si);
            ++si;
            const int value = base64Value(in);
            if (value >= 0) {
                dbuf[j] = value;
                continue;
            }
            if (isNewline(in)) {
                --j;
                continue;
            }
            if (in != '=') {
                *badOffset = si - 1;
                return std::nullopt;
            }
            // Padding: only after two or three data characters, and nothing but newlines after it.
            if (j == 0 || j == 1) {
                *badOffset = si - 1;
                return std::nullopt;
            }
            if (j == 2) {
                while (si < n && isNewline(src.at(si)))
                    ++si;
                if (si == n) {
                    *badOffset = n;
                    return std::nullopt;
                }
                if (src.at(si) != '=') {
                    *badOffset = si - 1;
                    return std::nullopt;
                }
                ++si;
            }
            while (si < n && isNewline(src.at(si)))
                ++si;
            if (si < n) {
                corrupt = true;
                corruptAt = si;
            }
            dlen = j;
            break;
        }
        const uint val = (uint(dbuf[0]) << 18) | (uint(dbuf[1]) << 12) | (uint(dbuf[2]) << 6) | uint(dbuf[3]);
        const char bytes[3] = {char((val >> 16) & 0xFF), char((val >> 8) & 0xFF), char(val & 0xFF)};
        out.append(bytes, dlen - 1);
        if (corrupt) {
            *badOffset = corruptAt;
            return std::nullopt;
        }
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// YAML 1.1 resolution of plain scalars as gopkg.in/yaml.v2 does it (kubectl converts YAML to JSON
// with it, so `namespace: 2024` is a number there and fails to decode into a string field).

enum class Kind { Null, String, Bool, Number, Map, Sequence };

bool isYamlTrue(const std::string &s)
{
    static const char *const values[] = {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"};
    for (const char *v : values) {
        if (s == v)
            return true;
    }
    return false;
}

bool isYamlFalse(const std::string &s)
{
    static const char *const values[] = {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"};
    for (const char *v : values) {
        if (s == v)
            return true;
    }
    return false;
}

bool isYamlSpecialFloat(const std::string &s)
{
    static const char *const values[]
        = {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF"};
    for (const char *v : values) {
        if (s == v)
            return true;
    }
    return false;
}

// strconv.ParseInt(s, 0, 64) succeeds, or (unsigned) strconv.ParseUint(s, 0, 64) does.
bool isGoInteger(const std::string &s)
{
    std::size_t i = 0;
    char sign = 0;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        sign = s[i++];
    int base = 10;
    if (s.size() - i >= 2 && s[i] == '0') {
        const char p = s[i + 1];
        if (p == 'x' || p == 'X') {
            base = 16;
            i += 2;
        } else if (p == 'o' || p == 'O') {
            base = 8;
            i += 2;
        } else if (p == 'b' || p == 'B') {
            base = 2;
            i += 2;
        } else {
            base = 8;
            i += 1;
        }
    }
    if (i >= s.size())
        return false;
    const unsigned long long maxValue = std::numeric_limits<unsigned long long>::max();
    unsigned long long value = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        int digit = -1;
        if (c >= '0' && c <= '9')
            digit = c - '0';
        else if (c >= 'a' && c <= 'f')
            digit = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            digit = c - 'A' + 10;
        if (digit < 0 || digit >= base)
            return false;
        if (value > (maxValue - unsigned(digit)) / unsigned(base))
            return false;
        value = value * unsigned(base) + unsigned(digit);
    }
    const unsigned long long int64Max = std::numeric_limits<long long>::max();
    if (sign == '-')
        return value <= int64Max + 1;
    if (sign == '+')
        return value <= int64Max;
    return true;
}

// ^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$
bool isYamlStyleFloat(const std::string &s)
{
    std::size_t i = 0;
    const auto digits = [&s, &i] {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ++i;
        return i - start;
    };
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (digits() == 0)
            return false;
    } else {
        if (digits() == 0)
            return false;
        if (i < s.size() && s[i] == '.') {
            ++i;
            digits();
        }
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (digits() == 0)
            return false;
    }
    return i == s.size();
}

bool isFiniteNumber(const std::string &s)
{
    bool ok = false;
    const double value = QByteArray::fromStdString(s).toDouble(&ok);
    return ok && qIsFinite(value);
}

Kind resolvePlain(const std::string &s)
{
    if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL")
        return Kind::Null;
    if (isYamlTrue(s) || isYamlFalse(s))
        return Kind::Bool;
    if (isYamlSpecialFloat(s))
        return Kind::Number;
    const char first = s.front();
    if (first == '.') {
        // strconv.ParseFloat on the raw text: ".5", ".5e3".
        return isYamlStyleFloat(s) && isFiniteNumber(s) ? Kind::Number : Kind::String;
    }
    if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
        std::string plain;
        plain.reserve(s.size());
        for (char c : s) {
            if (c != '_')
                plain.push_back(c);
        }
        if (isGoInteger(plain))
            return Kind::Number;
        if (isYamlStyleFloat(plain) && isFiniteNumber(plain))
            return Kind::Number;
    }
    return Kind::String;
}

Kind kindOf(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
        return Kind::Null;
    case YAML::NodeType::Sequence:
        return Kind::Sequence;
    case YAML::NodeType::Map:
        return Kind::Map;
    case YAML::NodeType::Scalar:
        break;
    }
    const std::string &tag = node.Tag();
    if (tag == "!" || tag == "tag:yaml.org,2002:str" || tag == "tag:yaml.org,2002:binary")
        return Kind::String;
    if (tag == "tag:yaml.org,2002:int" || tag == "tag:yaml.org,2002:float")
        return Kind::Number;
    if (tag == "tag:yaml.org,2002:bool")
        return Kind::Bool;
    if (tag == "tag:yaml.org,2002:null")
        return Kind::Null;
    return resolvePlain(node.Scalar());
}

QString describe(Kind kind)
{
    switch (kind) {
    case Kind::Null:
        return QStringLiteral("null");
    case Kind::String:
        return QStringLiteral("a string");
    case Kind::Bool:
        return QStringLiteral("a boolean");
    case Kind::Number:
        return QStringLiteral("a number");
    case Kind::Map:
        return QStringLiteral("a mapping");
    case Kind::Sequence:
        return QStringLiteral("a list");
    }
    return {};
}

QString fromYaml(const std::string &s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// ---------------------------------------------------------------------------------------------
// Input checks yaml.v2's reader makes before parsing: valid UTF-8 and no control characters.

std::optional<Error> checkEncoding(const QByteArray &data, const QString &origin)
{
    // UTF-16 with a byte order mark: both yaml.v2 and yaml-cpp transcode it.
    if (data.startsWith("\xFF\xFE") || data.startsWith("\xFE\xFF"))
        return std::nullopt;
    const qsizetype n = data.size();
    qsizetype i = data.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    int line = 1;
    const auto fail
        = [&origin, &line](const QString &message) { return Error::inFile(origin, line, QString(), message); };
    while (i < n) {
        const auto c = uchar(data.at(i));
        uint cp = 0;
        int len = 0;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F;
            len = 2;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F;
            len = 3;
        } else if ((c & 0xF8) == 0xF0) {
            cp = c & 0x07;
            len = 4;
        } else {
            return fail(QStringLiteral("not valid UTF-8 (is this a kubeconfig file?)"));
        }
        if (i + len > n)
            return fail(QStringLiteral("not valid UTF-8: incomplete character at the end of the file"));
        for (int k = 1; k < len; ++k) {
            const auto cc = uchar(data.at(i + k));
            if ((cc & 0xC0) != 0x80)
                return fail(QStringLiteral("not valid UTF-8 (is this a kubeconfig file?)"));
            cp = (cp << 6) | (cc & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return fail(QStringLiteral("not valid UTF-8 (is this a kubeconfig file?)"));
        const bool allowed = cp == 0x09 || cp == 0x0A || cp == 0x0D || (cp >= 0x20 && cp <= 0x7E) || cp == 0x85
            || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
        if (!allowed)
            return fail(QStringLiteral("control characters are not allowed (is this a kubeconfig file?)"));
        if (cp == 0x0A)
            ++line;
        i += len;
    }
    return std::nullopt;
}

// yaml.v2 rejects a tab in the indentation of a line where a token could start; yaml-cpp accepts
// it. Checked only for documents without content (blank and comment lines), where it is certain
// that the tab is indentation: a whitespace-only file with a tab is an error for kubectl.
std::optional<Error> checkTabsInEmptyDocument(const QByteArray &data, const QString &origin)
{
    int line = 1;
    bool atLineStart = true;
    for (const char c : data) {
        if (c == '\n') {
            ++line;
            atLineStart = true;
        } else if (c == '\t' && atLineStart) {
            return Error::inFile(origin, line, QString(),
                                 QStringLiteral("not valid YAML: found a tab character where indentation is expected"));
        } else if (c != ' ' && c != '\r') {
            atLineStart = false;
        }
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Walks one parsed document into a KubeConfig, checking every field's type the way client-go's
// JSON decoding would. Stops at the first error.

struct Entry
{
    QString key;
    YAML::Node value;
};
using Entries = std::vector<Entry>;

const YAML::Node *findEntry(const Entries &entries, const char *key)
{
    const QLatin1String wanted(key);
    for (const Entry &e : entries) {
        if (e.key == wanted)
            return &e.value;
    }
    return nullptr;
}

class DocumentReader final
{
public:
    explicit DocumentReader(const QString &origin)
        : m_origin(origin)
    {
    }

    const Error &error() const { return m_error; }

    bool read(const YAML::Node &root, KubeConfig &config)
    {
        const Kind rootKind = kindOf(root);
        if (rootKind == Kind::Null)
            return true; // empty file: an empty config, as kubectl treats it
        if (rootKind != Kind::Map)
            return fail(root, QString(),
                        QStringLiteral("expected a kubeconfig mapping, got %1").arg(describe(rootKind)));
        Entries entries;
        if (!mapEntries(root, QString(), entries, 0))
            return false;

        QString apiVersion;
        QString kind;
        if (const YAML::Node *n = findEntry(entries, "apiVersion")) {
            if (!readString(*n, QStringLiteral("apiVersion"), apiVersion))
                return false;
            if (!apiVersion.isEmpty() && apiVersion != QLatin1String("v1"))
                return fail(*n, QStringLiteral("apiVersion"),
                            QStringLiteral("unsupported version \"%1\" (kubeconfig files use v1)").arg(apiVersion));
        }
        if (const YAML::Node *n = findEntry(entries, "kind")) {
            if (!readString(*n, QStringLiteral("kind"), kind))
                return false;
            if (!kind.isEmpty() && kind != QLatin1String("Config"))
                return fail(*n, QStringLiteral("kind"),
                            QStringLiteral("unsupported kind \"%1\" (kubeconfig files have kind Config)").arg(kind));
        }
        if (const YAML::Node *n = findEntry(entries, "current-context")) {
            if (!readString(*n, QStringLiteral("current-context"), config.currentContext))
                return false;
        }
        if (const YAML::Node *n = findEntry(entries, "clusters")) {
            if (!readClusters(*n, config))
                return false;
        }
        if (const YAML::Node *n = findEntry(entries, "users")) {
            if (!readUsers(*n, config))
                return false;
        }
        if (const YAML::Node *n = findEntry(entries, "contexts")) {
            if (!readContexts(*n, config))
                return false;
        }
        return true;
    }

private:
    static int lineOf(const YAML::Node &node)
    {
        const YAML::Mark mark = node.Mark();
        return mark.is_null() || mark.line < 0 ? 0 : mark.line + 1;
    }

    bool fail(const YAML::Node &node, const QString &field, const QString &message)
    {
        m_error = Error::inFile(m_origin, lineOf(node), field, message);
        const YAML::Mark mark = node.Mark();
        m_error.column = mark.is_null() || mark.column < 0 ? 0 : mark.column + 1;
        return false;
    }

    bool typeError(const YAML::Node &node, const QString &field, const QString &expected)
    {
        return fail(node, field, QStringLiteral("expected %1, got %2").arg(expected, describe(kindOf(node))));
    }

    // The entries of a mapping, later duplicate keys replacing earlier ones and "<<" merge keys
    // applied in place, as yaml.v2 does. A null node is an empty mapping.
    bool mapEntries(const YAML::Node &node, const QString &field, Entries &out, int depth)
    {
        const Kind kind = kindOf(node);
        if (kind == Kind::Null)
            return true;
        if (kind != Kind::Map)
            return typeError(node, field, QStringLiteral("a mapping"));
        if (depth > 16)
            return fail(node, field, QStringLiteral("merge keys (<<) nested too deeply"));
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key = it->first;
            const YAML::Node value = it->second;
            if (!key.IsScalar())
                continue; // not a field name client-go could know
            if (key.Scalar() == "<<" && key.Tag() == "?") {
                if (value.IsMap()) {
                    if (!mapEntries(value, field, out, depth + 1))
                        return false;
                    continue;
                }
                if (value.IsSequence()) {
                    // Earlier maps in the list take precedence, so apply them last.
                    std::vector<YAML::Node> maps;
                    for (auto m = value.begin(); m != value.end(); ++m)
                        maps.push_back(*m);
                    for (auto m = maps.rbegin(); m != maps.rend(); ++m) {
                        if (!m->IsMap())
                            return fail(*m, field,
                                        QStringLiteral("merge key (<<) needs a mapping or a list of mappings"));
                        if (!mapEntries(*m, field, out, depth + 1))
                            return false;
                    }
                    continue;
                }
                return fail(value, field, QStringLiteral("merge key (<<) needs a mapping or a list of mappings"));
            }
            const QString name = fromYaml(key.Scalar());
            bool replaced = false;
            for (Entry &e : out) {
                if (e.key == name) {
                    e.value.reset(value); // rebinds the handle; operator= would overwrite the node
                    replaced = true;
                    break;
                }
            }
            if (!replaced)
                out.push_back(Entry{name, value});
        }
        return true;
    }

    bool readString(const YAML::Node &node, const QString &field, QString &out)
    {
        switch (kindOf(node)) {
        case Kind::Null:
            out.clear();
            return true;
        case Kind::String:
            out = fromYaml(node.Scalar());
            return true;
        default:
            return typeError(node, field, QStringLiteral("a string"));
        }
    }

    bool readBool(const YAML::Node &node, const QString &field, bool &out)
    {
        switch (kindOf(node)) {
        case Kind::Null:
            out = false;
            return true;
        case Kind::Bool:
            out = isYamlTrue(node.Scalar());
            return true;
        default:
            return typeError(node, field, QStringLiteral("true or false"));
        }
    }

    bool readBytes(const YAML::Node &node, const QString &field, QByteArray &out)
    {
        QString text;
        if (!readString(node, field, text))
            return false;
        qsizetype bad = 0;
        std::optional<QByteArray> decoded = goBase64Decode(text.toUtf8(), &bad);
        if (!decoded)
            return fail(node, field, QStringLiteral("not valid base64 (illegal data at byte %1)").arg(bad));
        out = *decoded;
        return true;
    }

    bool readStringList(const YAML::Node &node, const QString &field, QStringList &out)
    {
        const Kind kind = kindOf(node);
        out.clear();
        if (kind == Kind::Null)
            return true;
        if (kind != Kind::Sequence)
            return typeError(node, field, QStringLiteral("a list of strings"));
        int index = 0;
        for (auto it = node.begin(); it != node.end(); ++it, ++index) {
            QString item;
            if (!readString(*it, field + QStringLiteral("[%1]").arg(index), item))
                return false;
            out.append(item);
        }
        return true;
    }

    QString resolve(const QString &reference) const { return KubeConfigLoader::resolveReference(reference, m_origin); }

    // Iterates `clusters`, `users` or `contexts`: a list of {name, <body>} with unique names.
    template <typename Fn>
    bool readNamedList(const YAML::Node &node, const QString &listName, const char *bodyKey, Fn &&readBody)
    {
        const Kind kind = kindOf(node);
        if (kind == Kind::Null)
            return true;
        if (kind != Kind::Sequence)
            return typeError(node, listName, QStringLiteral("a list"));
        QSet<QString> seen;
        int index = 0;
        for (auto it = node.begin(); it != node.end(); ++it, ++index) {
            const YAML::Node item = *it;
            const QString indexField = listName + QStringLiteral("[%1]").arg(index);
            Entries entries;
            if (!mapEntries(item, indexField, entries, 0))
                return false;
            QString name;
            if (const YAML::Node *n = findEntry(entries, "name")) {
                if (!readString(*n, indexField + QStringLiteral(".name"), name))
                    return false;
            }
            const QString field = name.isEmpty() ? indexField : listName + QLatin1Char('[') + name + QLatin1Char(']');
            if (seen.contains(name))
                return fail(item, field, QStringLiteral("duplicate name \"%1\" in %2").arg(name, listName));
            seen.insert(name);
            Entries body;
            if (const YAML::Node *n = findEntry(entries, bodyKey)) {
                if (!mapEntries(*n, field + QLatin1Char('.') + QLatin1String(bodyKey), body, 0))
                    return false;
            }
            if (!readBody(name, field, lineOf(item), body))
                return false;
        }
        return true;
    }

    bool readClusters(const YAML::Node &node, KubeConfig &config)
    {
        return readNamedList(node, QStringLiteral("clusters"), "cluster",
                             [this, &config](const QString &name, const QString &field, int line, const Entries &body) {
                                 KubeCluster c;
                                 c.name = name;
                                 c.origin = m_origin;
                                 c.line = line;
                                 for (const Entry &e : body) {
                                     const QString f = field + QLatin1Char('.') + e.key;
                                     bool ok = true;
                                     if (e.key == QLatin1String("server"))
                                         ok = readString(e.value, f, c.server);
                                     else if (e.key == QLatin1String("certificate-authority"))
                                         ok = readString(e.value, f, c.certificateAuthority);
                                     else if (e.key == QLatin1String("certificate-authority-data"))
                                         ok = readBytes(e.value, f, c.certificateAuthorityData);
                                     else if (e.key == QLatin1String("insecure-skip-tls-verify"))
                                         ok = readBool(e.value, f, c.insecureSkipTlsVerify);
                                     else if (e.key == QLatin1String("tls-server-name"))
                                         ok = readString(e.value, f, c.tlsServerName);
                                     else if (e.key == QLatin1String("proxy-url"))
                                         ok = readString(e.value, f, c.proxyUrl);
                                     if (!ok)
                                         return false;
                                 }
                                 c.certificateAuthority = resolve(c.certificateAuthority);
                                 config.clusters.append(c);
                                 return true;
                             });
    }

    bool readExec(const YAML::Node &node, const QString &field, ExecConfig &exec)
    {
        Entries entries;
        if (!mapEntries(node, field, entries, 0))
            return false;
        for (const Entry &e : entries) {
            const QString f = field + QLatin1Char('.') + e.key;
            bool ok = true;
            if (e.key == QLatin1String("apiVersion")) {
                ok = readString(e.value, f, exec.apiVersion);
            } else if (e.key == QLatin1String("command")) {
                ok = readString(e.value, f, exec.command);
            } else if (e.key == QLatin1String("args")) {
                ok = readStringList(e.value, f, exec.args);
            } else if (e.key == QLatin1String("installHint")) {
                ok = readString(e.value, f, exec.installHint);
            } else if (e.key == QLatin1String("provideClusterInfo")) {
                ok = readBool(e.value, f, exec.provideClusterInfo);
            } else if (e.key == QLatin1String("interactiveMode")) {
                ok = readString(e.value, f, exec.interactiveMode);
            } else if (e.key == QLatin1String("env")) {
                const Kind kind = kindOf(e.value);
                if (kind == Kind::Sequence) {
                    int index = 0;
                    for (auto it = e.value.begin(); ok && it != e.value.end(); ++it, ++index) {
                        const QString itemField = f + QStringLiteral("[%1]").arg(index);
                        Entries var;
                        QString name;
                        QString value;
                        ok = mapEntries(*it, itemField, var, 0);
                        if (ok) {
                            if (const YAML::Node *n = findEntry(var, "name"))
                                ok = readString(*n, itemField + QStringLiteral(".name"), name);
                        }
                        if (ok) {
                            if (const YAML::Node *n = findEntry(var, "value"))
                                ok = readString(*n, itemField + QStringLiteral(".value"), value);
                        }
                        if (ok)
                            exec.env.append({name, value});
                    }
                } else if (kind != Kind::Null) {
                    ok = typeError(e.value, f, QStringLiteral("a list of {name, value}"));
                }
            }
            if (!ok)
                return false;
        }
        // Only a command given as a path is relative to the kubeconfig; a bare name is looked up on PATH.
        if (exec.command.contains(QLatin1Char('/')))
            exec.command = resolve(exec.command);
        return true;
    }

    bool readAuthProvider(const YAML::Node &node, const QString &field, AuthProviderConfig &provider)
    {
        Entries entries;
        if (!mapEntries(node, field, entries, 0))
            return false;
        if (const YAML::Node *n = findEntry(entries, "name")) {
            if (!readString(*n, field + QStringLiteral(".name"), provider.name))
                return false;
        }
        if (const YAML::Node *n = findEntry(entries, "config")) {
            Entries config;
            if (!mapEntries(*n, field + QStringLiteral(".config"), config, 0))
                return false;
            for (const Entry &e : config) {
                QString value;
                if (!readString(e.value, field + QStringLiteral(".config.") + e.key, value))
                    return false;
                provider.config.insert(e.key, value);
            }
        }
        return true;
    }

    bool readUsers(const YAML::Node &node, KubeConfig &config)
    {
        return readNamedList(node, QStringLiteral("users"), "user",
                             [this, &config](const QString &name, const QString &field, int line, const Entries &body) {
                                 KubeUser u;
                                 u.name = name;
                                 u.origin = m_origin;
                                 u.line = line;
                                 for (const Entry &e : body) {
                                     const QString f = field + QLatin1Char('.') + e.key;
                                     bool ok = true;
                                     if (e.key == QLatin1String("token")) {
                                         ok = readString(e.value, f, u.token);
                                     } else if (e.key == QLatin1String("tokenFile")) {
                                         ok = readString(e.value, f, u.tokenFile);
                                     } else if (e.key == QLatin1String("client-certificate")) {
                                         ok = readString(e.value, f, u.clientCertificate);
                                     } else if (e.key == QLatin1String("client-certificate-data")) {
                                         ok = readBytes(e.value, f, u.clientCertificateData);
                                     } else if (e.key == QLatin1String("client-key")) {
                                         ok = readString(e.value, f, u.clientKey);
                                     } else if (e.key == QLatin1String("client-key-data")) {
                                         ok = readBytes(e.value, f, u.clientKeyData);
                                     } else if (e.key == QLatin1String("username")) {
                                         ok = readString(e.value, f, u.username);
                                     } else if (e.key == QLatin1String("password")) {
                                         ok = readString(e.value, f, u.password);
                                     } else if (e.key == QLatin1String("as")) {
                                         ok = readString(e.value, f, u.impersonate);
                                     } else if (e.key == QLatin1String("as-groups")) {
                                         ok = readStringList(e.value, f, u.impersonateGroups);
                                     } else if (e.key == QLatin1String("as-uid")) {
                                         ok = readString(e.value, f, u.impersonateUid);
                                     } else if (e.key == QLatin1String("exec")) {
                                         // A null exec is an absent one (a nil pointer in client-go).
                                         if (kindOf(e.value) != Kind::Null) {
                                             ExecConfig exec;
                                             ok = readExec(e.value, f, exec);
                                             if (ok)
                                                 u.exec = exec;
                                         }
                                     } else if (e.key == QLatin1String("auth-provider")) {
                                         if (kindOf(e.value) != Kind::Null) {
                                             AuthProviderConfig provider;
                                             ok = readAuthProvider(e.value, f, provider);
                                             if (ok)
                                                 u.authProvider = provider;
                                         }
                                     }
                                     if (!ok)
                                         return false;
                                 }
                                 u.tokenFile = resolve(u.tokenFile);
                                 u.clientCertificate = resolve(u.clientCertificate);
                                 u.clientKey = resolve(u.clientKey);
                                 config.users.append(u);
                                 return true;
                             });
    }

    bool readContexts(const YAML::Node &node, KubeConfig &config)
    {
        return readNamedList(node, QStringLiteral("contexts"), "context",
                             [this, &config](const QString &name, const QString &field, int line, const Entries &body) {
                                 KubeContext c;
                                 c.name = name;
                                 c.origin = m_origin;
                                 c.line = line;
                                 for (const Entry &e : body) {
                                     const QString f = field + QLatin1Char('.') + e.key;
                                     bool ok = true;
                                     if (e.key == QLatin1String("cluster"))
                                         ok = readString(e.value, f, c.cluster);
                                     else if (e.key == QLatin1String("user"))
                                         ok = readString(e.value, f, c.user);
                                     else if (e.key == QLatin1String("namespace"))
                                         ok = readString(e.value, f, c.ns);
                                     if (!ok)
                                         return false;
                                 }
                                 config.contexts.append(c);
                                 return true;
                             });
    }

    QString m_origin;
    Error m_error;
};

} // namespace

KubeConfigLoader::Sources KubeConfigLoader::sourcesFromEnvironment(const QString &explicitPath)
{
    Sources sources;
    sources.explicitPath = explicitPath;
    sources.kubeconfigEnv = qEnvironmentVariable("KUBECONFIG");
    sources.homeDir = qEnvironmentVariable("HOME");
    if (sources.homeDir.isEmpty())
        sources.homeDir = QDir::homePath();
    return sources;
}

QStringList KubeConfigLoader::filesToLoad(const Sources &sources)
{
    if (!sources.explicitPath.isEmpty())
        return {sources.explicitPath};
    QStringList files;
    if (!sources.kubeconfigEnv.isEmpty()) {
        const QStringList entries = sources.kubeconfigEnv.split(QLatin1Char(':'));
        QSet<QString> seen;
        for (const QString &entry : entries) {
            // Duplicates are dropped by their spelling, before the missing ones are skipped.
            if (entry.isEmpty() || seen.contains(entry))
                continue;
            seen.insert(entry);
            if (!QFileInfo::exists(entry)) {
                qCDebug(lcConfig) << "KUBECONFIG names a missing file, skipping it:" << entry;
                continue;
            }
            files.append(entry);
        }
        return files;
    }
    const QString home = sources.homeDir.isEmpty() ? QStringLiteral(".kube/config")
                                                   : goClean(sources.homeDir + QStringLiteral("/.kube/config"));
    if (QFileInfo::exists(home))
        files.append(home);
    return files;
}

Result<KubeConfig> KubeConfigLoader::load(const Sources &sources)
{
    if (!sources.explicitPath.isEmpty() && !QFileInfo::exists(sources.explicitPath)) {
        Error error = Error::inFile(sources.explicitPath, 0, QString(),
                                    QStringLiteral("the kubeconfig file does not exist; check the --kubeconfig path"));
        error.reason = QStringLiteral("NotFound");
        return error;
    }
    QList<KubeConfig> parsed;
    const QStringList files = filesToLoad(sources);
    for (const QString &file : files) {
        const QFileInfo info(file);
        if (!info.exists())
            continue; // removed since filesToLoad() looked
        if (info.isDir())
            return Error::inFile(file, 0, QString(), QStringLiteral("is a directory, not a kubeconfig file"));
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return Error::inFile(file, 0, QString(), QStringLiteral("cannot be read: %1").arg(f.errorString()));
        const QByteArray data = f.readAll();
        if (f.error() != QFileDevice::NoError)
            return Error::inFile(file, 0, QString(), QStringLiteral("cannot be read: %1").arg(f.errorString()));
        Result<KubeConfig> config = parse(data, file);
        if (!config)
            return config.error();
        parsed.append(std::move(config).value());
    }
    KubeConfig merged = merge(parsed);
    qCDebug(lcConfig) << "kubeconfig loaded from" << merged.files << "with" << merged.contexts.size() << "contexts,"
                      << "current context" << merged.currentContext;
    return merged;
}

Result<KubeConfig> KubeConfigLoader::parse(const QByteArray &yaml, const QString &origin)
{
    if (std::optional<Error> error = checkEncoding(yaml, origin))
        return *error;
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (root.IsNull()) {
            if (std::optional<Error> error = checkTabsInEmptyDocument(yaml, origin))
                return *error;
        }
        KubeConfig config;
        DocumentReader reader(origin);
        if (!reader.read(root, config))
            return reader.error();
        if (!origin.isEmpty())
            config.files.append(origin);
        return config;
    } catch (const YAML::Exception &e) {
        const bool known = !e.mark.is_null() && e.mark.line >= 0;
        Error error = Error::inFile(origin, known ? e.mark.line + 1 : 0, QString(),
                                    QStringLiteral("not valid YAML: %1").arg(fromYaml(e.msg)));
        error.column = known && e.mark.column >= 0 ? e.mark.column + 1 : 0;
        return error;
    } catch (const std::exception &e) {
        return Error::inFile(origin, 0, QString(),
                             QStringLiteral("could not be parsed: %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        return Error::inFile(origin, 0, QString(), QStringLiteral("could not be parsed"));
    }
}

KubeConfig KubeConfigLoader::merge(const QList<KubeConfig> &configs)
{
    KubeConfig merged;
    QSet<QString> clusters;
    QSet<QString> users;
    QSet<QString> contexts;
    for (const KubeConfig &config : configs) {
        for (const KubeCluster &c : config.clusters) {
            if (!clusters.contains(c.name)) {
                clusters.insert(c.name);
                merged.clusters.append(c);
            }
        }
        for (const KubeUser &u : config.users) {
            if (!users.contains(u.name)) {
                users.insert(u.name);
                merged.users.append(u);
            }
        }
        for (const KubeContext &c : config.contexts) {
            if (!contexts.contains(c.name)) {
                contexts.insert(c.name);
                merged.contexts.append(c);
            }
        }
        if (merged.currentContext.isEmpty())
            merged.currentContext = config.currentContext;
        merged.files += config.files;
    }
    return merged;
}

Result<KubeContext> KubeConfigLoader::selectContext(const KubeConfig &config, const QString &requested)
{
    const QString name = requested.isEmpty() ? config.currentContext : requested;
    if (name.isEmpty()) {
        return Error::make(QStringLiteral("NoContext"),
                           QStringLiteral("no context is selected: the kubeconfig sets no current-context; "
                                          "pass --context or run \"kubectl config use-context\""));
    }
    if (const KubeContext *context = config.context(name))
        return *context;
    Error error
        = Error::make(QStringLiteral("ContextNotFound"), QStringLiteral("context \"%1\" does not exist").arg(name));
    error.field = requested.isEmpty() ? QStringLiteral("current-context") : QStringLiteral("--context");
    return error;
}

QString KubeConfigLoader::resolveReference(const QString &reference, const QString &originFile)
{
    if (reference.isEmpty() || reference.startsWith(QLatin1Char('/')) || originFile.isEmpty())
        return reference;
    return goClean(goAbs(goDir(originFile)) + QLatin1Char('/') + reference);
}

} // namespace capstan
