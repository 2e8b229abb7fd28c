#pragma once

#include <QPalette>

namespace capstan {

// Capstan's colour themes. The light theme is the platform's; the dark one is a Fusion palette
// whose secondary colours (Mid, PlaceholderText, disabled text) stay readable on dark bases.
class Theme final
{
public:
    static QPalette darkPalette();
};

} // namespace capstan
