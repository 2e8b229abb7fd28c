#pragma once

// What a test needs to know about the sanitizer it runs under.

#include <QTest>

#if defined(__SANITIZE_THREAD__)
#define CAPSTAN_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CAPSTAN_THREAD_SANITIZER 1
#endif
#endif

// Qt 6.4's QProcess starts children with clone(CLONE_VM | CLONE_VFORK), which the ThreadSanitizer
// runtime of clang 14 does not survive (its clone interceptor aborts; later Qt versions fork instead
// under sanitizers). Tests that start a process skip themselves in that build; the others run.
#ifdef CAPSTAN_THREAD_SANITIZER
#define CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES()                                                                           \
    QSKIP("QProcess cannot start children under ThreadSanitizer with Qt 6.4 (vfork)")
#else
#define CAPSTAN_SKIP_IF_NO_CHILD_PROCESSES()                                                                           \
    do {                                                                                                               \
    } while (false)
#endif
