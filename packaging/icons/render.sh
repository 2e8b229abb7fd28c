#!/usr/bin/env bash
# Renders the hicolor PNG icons from resources/icons/capstan.svg (needs rsvg-convert from librsvg2-bin).
# The PNGs are committed so that building and packaging need no rasteriser; run this again after changing the SVG.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
svg="$here/../../resources/icons/capstan.svg"
for n in 16 22 24 32 48 64 128 256 512; do
    mkdir -p "$here/hicolor/${n}x${n}/apps"
    rsvg-convert -w "$n" -h "$n" -o "$here/hicolor/${n}x${n}/apps/io.github.capstan.Capstan.png" "$svg"
done
