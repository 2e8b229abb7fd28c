#!/usr/bin/env bash
# packaging.install: cmake --install puts the binaries and the desktop integration files at their
# GNUInstallDirs places, and appstreamcli validate-tree accepts the installed tree (metainfo, .desktop file
# and icons found together, as software centres look for them).
#   install.sh BUILDDIR
set -euo pipefail
build="$1"
app_id=io.github.capstan.Capstan

prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null

for path in bin/capstan bin/capstan-sandbox share/applications/$app_id.desktop share/metainfo/$app_id.metainfo.xml \
    share/icons/hicolor/scalable/apps/$app_id.svg share/doc/capstan/copyright; do
    [ -f "$prefix/$path" ] || { echo "not installed: $path"; exit 1; }
done
for n in 16 22 24 32 48 64 128 256 512; do
    path="share/icons/hicolor/${n}x${n}/apps/$app_id.png"
    [ -f "$prefix/$path" ] || { echo "not installed: $path"; exit 1; }
done

if ! command -v appstreamcli >/dev/null; then
    echo "appstreamcli is missing: install the Debian package appstream (the test set-up does)."
    exit 77
fi
appstreamcli validate-tree --no-net --explain "$prefix"
echo "install tree: ok"
