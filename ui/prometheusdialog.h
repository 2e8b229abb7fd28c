#pragma once

#include "metrics/prometheusconfig.h"

#include <QDialog>

class QButtonGroup;
class QLineEdit;

namespace capstan {

// Where a context's metric history comes from: Prometheus at a URL, or a Prometheus Service reached
// through the API server. The token is kept for this session only, never written to settings.
class PrometheusDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusDialog)

public:
    PrometheusDialog(const QString &context, const PrometheusConfig &config, QWidget *parent = nullptr);

    PrometheusConfig config() const;

private:
    void updateEnabled();

    QButtonGroup *m_mode;
    QLineEdit *m_url;
    QLineEdit *m_namespace;
    QLineEdit *m_service;
    QLineEdit *m_port;
    QLineEdit *m_token;
    QLineEdit *m_username;
    QLineEdit *m_password;
};

} // namespace capstan
