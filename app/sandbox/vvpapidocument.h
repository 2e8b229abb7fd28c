#pragma once

#include <QJsonObject>

namespace capstan::sandbox {

// The API description the sandbox's Application Manager serves at /api/swagger.json, as a real
// platform serves its own: Swagger 2.0, the paths and methods VvpApi answers, and the definitions of
// a Deployment and its Deployment Defaults. Written for the sandbox and held against Ververica
// Platform 2.4's description by tst_vvpapi: each path, method, definition, property, type, format and
// enum here is the platform's. The Kubernetes pod templates are left open (any object).
class VvpApiDocument final
{
public:
    static const QJsonObject &document();
};

} // namespace capstan::sandbox
