#pragma once

#include "ui/preferences.h"

#include <QPalette>

namespace capstan {

// Capstan's colour themes. The light theme is the platform's; the dark one is a Fusion palette
// whose secondary colours (Mid, PlaceholderText, disabled text) stay readable on dark bases.
class Theme final
{
public:
    static QPalette darkPalette();
    // Sets the application palette: System gives back the platform's (with its later changes),
    // Light the style's standard palette, Dark darkPalette().
    static void apply(ThemeChoice theme);
};

} // namespace capstan
