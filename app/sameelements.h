#pragma once

#include <QList>

#include <algorithm>

namespace capstan {

// Element-wise equality of two lists. QList's own == compares lists of enums and numbers with memcmp,
// which is handed a null pointer when one of the lists is empty (undefined behaviour).
template <typename T>
bool sameElements(const QList<T> &a, const QList<T> &b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend());
}

} // namespace capstan
