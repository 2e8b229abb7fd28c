#!/usr/bin/env bash
# packaging.desktopfile: the .desktop file passes desktop-file-validate without warnings and names the
# application id's icon and the installed binary.
set -euo pipefail
desktop="$1"
app_id="$(basename "$desktop" .desktop)"

if ! command -v desktop-file-validate >/dev/null; then
    echo "desktop-file-validate is missing: install the Debian package desktop-file-utils (the test set-up does)."
    exit 77
fi
out="$(desktop-file-validate --no-hints "$desktop" 2>&1)" || {
    echo "$out"
    exit 1
}
if [ -n "$out" ]; then # warnings leave the exit status at 0
    echo "$out"
    exit 1
fi
grep -qx "Icon=$app_id" "$desktop" || { echo "Icon= is not $app_id"; exit 1; }
grep -qx "Exec=capstan" "$desktop" || { echo "Exec= does not run capstan"; exit 1; }
echo "$desktop: valid"
