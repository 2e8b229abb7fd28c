#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <map>

namespace capstan::sandbox {

// The OpenAPI documents of the sandbox, for kubectl's client-side validation and `kubectl explain`:
// /openapi/v2 (Swagger 2.0; protobuf, the gnostic openapi.v2.Document that kubectl asks for, or
// JSON) and /openapi/v3 (an index and one OpenAPI 3.0 document per group-version). They hold the
// Flink kinds with the CRDs' schemas (plus apiVersion, kind and metadata, as the API server
// publishes them), minimal schemas for the served core/v1 kinds and the apiextensions CRD kind,
// and the io.k8s.apimachinery meta types they refer to. No paths are published, so kubectl
// validates on the client side instead of asking for server-side field validation.
//
// Thread-safety: instance() is built once on first use; everything after that is const.
class OpenApi final
{
public:
    static const OpenApi &instance();

    // Answers GET /openapi/v2 and /openapi/v3[/<group-version>]: true with *body and *contentType
    // set, false when there is no such document (404). accept is the request's Accept header.
    bool respond(const QString &path, const QString &accept, QByteArray *body, QByteArray *contentType) const;

    const QJsonObject &swagger() const { return m_swagger; }
    QJsonObject v3Index() const;
    // groupVersionPath: "api/v1", "apis/flink.apache.org/v1beta1"; an empty object when unknown.
    QJsonObject v3Document(const QString &groupVersionPath) const;

    // The Swagger 2.0 document as the protobuf message openapi.v2.Document (google/gnostic).
    static QByteArray encodeV2Protobuf(const QJsonObject &swagger);

private:
    OpenApi();

    QJsonObject m_swagger;
    QByteArray m_swaggerProto;
    std::map<QString, QJsonObject> m_v3; // group-version path → document
    std::map<QString, QString> m_v3Hash;
};

} // namespace capstan::sandbox
