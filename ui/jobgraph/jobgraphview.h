#pragma once

#include "flink/jobgraph.h"

#include <QGraphicsView>
#include <QHash>

class QGraphicsScene;
class QGraphicsPathItem;
class QGraphicsSimpleTextItem;

namespace capstan {

class VertexItem;

// The job's dataflow drawn in layers, sources on the left and sinks on the right, each edge labelled
// with its ship strategy. The layout is made once per plan; later polls only refresh the boxes, so
// the view does not jump while the user looks at it. Wheel or +/- zoom, dragging pans, 0 fits; the
// arrow keys move the selection between vertices.
class JobGraphView final : public QGraphicsView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobGraphView)

public:
    explicit JobGraphView(QWidget *parent = nullptr);
    ~JobGraphView() override;

    void setGraph(const JobGraph &graph);
    const JobGraph &graph() const { return m_graph; }
    void clear();

    QString selectedVertex() const;
    void selectVertex(const QString &vertexId);
    // Where a vertex is drawn, in view coordinates (for tests that click it); empty when unknown.
    QRect vertexRect(const QString &vertexId) const;

    void fit();
    void zoomBy(double factor);
    double zoom() const;

signals:
    void vertexSelected(const QString &vertexId); // empty: none

protected:
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void layout();
    void applyPalette();
    void moveSelection(int dx, int dy);

    QGraphicsScene *m_scene;
    JobGraph m_graph;
    QHash<QString, VertexItem *> m_items;
    QList<QGraphicsPathItem *> m_edges;
    QList<QGraphicsSimpleTextItem *> m_labels;
    bool m_fitted = false; // fitted once per plan; the user's zoom is kept after that
};

} // namespace capstan
