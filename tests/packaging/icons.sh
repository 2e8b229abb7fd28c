#!/usr/bin/env bash
# packaging.icons: every hicolor PNG exists under the application id's name and is the size its directory says.
set -euo pipefail
icons="$1" # packaging/icons/hicolor
app_id="$2"
# shellcheck source=tests/packaging/pngsize.sh
. "$(dirname "${BASH_SOURCE[0]}")/pngsize.sh"

for n in 16 22 24 32 48 64 128 256 512; do
    png="$icons/${n}x${n}/apps/$app_id.png"
    [ -f "$png" ] || { echo "missing: $png"; exit 1; }
    size="$(png_size "$png")"
    [ "$size" = "${n}x${n}" ] || { echo "$png is $size"; exit 1; }
done
extra="$(find "$icons" -type f ! -name "$app_id.png")"
[ -z "$extra" ] || { echo "not named after $app_id: $extra"; exit 1; }
echo "icons: all sizes present"
