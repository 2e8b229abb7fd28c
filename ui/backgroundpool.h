#pragma once

class QThreadPool;

namespace capstan {

// The pool for the UI's own background work (parsing a large YAML document, writing an export):
// one task at a time, and never QThreadPool::globalInstance(), which Qt's raster engine uses to
// draw large areas with while the GUI thread waits for it.
QThreadPool *backgroundPool();
// Waits for the pool's tasks, if it was ever used: before the application object goes away, as its
// tasks may translate strings or post results to it.
void waitForBackgroundWork();

} // namespace capstan
