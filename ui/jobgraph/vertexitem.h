#pragma once

#include "flink/jobgraph.h"

#include <QGraphicsItem>
#include <QPalette>

namespace capstan {

// One vertex of the job graph: a box with the task's name, parallelism and status, its load in
// words and as colour (busy: red, back-pressured: amber, idle: the base colour), records in and out
// per second and the watermark lag. Colours come from the palette given, so the box reads in the
// light and the dark theme.
class VertexItem final : public QGraphicsItem
{
public:
    static constexpr qreal Width = 250;
    static constexpr qreal Height = 92;

    explicit VertexItem(const JobVertex &vertex, QGraphicsItem *parent = nullptr);

    void setVertex(const JobVertex &vertex);
    const JobVertex &vertex() const { return m_vertex; }
    void setPalette(const QPalette &palette);

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    // The fill of a vertex with this load: the base blended towards red as it is busy, towards
    // amber as it is back-pressured.
    static QColor fill(const JobVertex &vertex, const QPalette &palette);
    // The lines drawn in the box (also its tooltip and accessible description).
    static QStringList lines(const JobVertex &vertex);

private:
    JobVertex m_vertex;
    QPalette m_palette;
};

} // namespace capstan
