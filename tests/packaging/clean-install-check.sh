#!/usr/bin/env bash
# Installs the .deb on a clean Debian 12 and runs it: mmdebstrap builds a bookworm minbase system from the
# Debian mirror, apt-get installs the package there with its Depends (no Recommends), and capstan --version,
# capstan-sandbox --help and the window on the offscreen platform must run. Nothing is left behind.
# Not part of the test suite: it downloads about 150 MB. Needs root and mmdebstrap.
#   tests/packaging/clean-install-check.sh build/tests/packaging/deb/capstan_0.1.0_amd64.deb [MIRROR]
set -euo pipefail
deb="$(realpath "$1")"
mirror="${2:-http://deb.debian.org/debian}"
name="$(basename "$deb")"
version="$(dpkg-deb --field "$deb" Version)"

[ "$(id -u)" -eq 0 ] || { echo "needs root (mmdebstrap --mode=root, chroot)"; exit 2; }
command -v mmdebstrap >/dev/null || { echo "needs the Debian package mmdebstrap"; exit 2; }

# Each hook runs with the new system's path as $1; /proc, /sys and /dev are mounted there meanwhile.
# The null format keeps no image: the checks are all that is wanted.
# shellcheck disable=SC2016 # the hooks are expanded by mmdebstrap's shell
mmdebstrap --variant=minbase --mode=root --format=null \
    --customize-hook="copy-in '$deb' /tmp" \
    --customize-hook='chroot "$1" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends '"/tmp/$name" \
    --customize-hook='chroot "$1" dpkg-query -W capstan' \
    --customize-hook='v="$(chroot "$1" env QT_QPA_PLATFORM=offscreen capstan --version)"; echo "$v"; [ "$v" = "capstan '"$version"'" ]' \
    --customize-hook='chroot "$1" capstan-sandbox --help >/dev/null' \
    --customize-hook='chroot "$1" sh -c "mkdir -p /tmp/home /tmp/run && chmod 700 /tmp/run && HOME=/tmp/home XDG_RUNTIME_DIR=/tmp/run QT_QPA_PLATFORM=offscreen timeout 8 capstan --sandbox >/tmp/run.log 2>&1; rc=\$?; cat /tmp/run.log; echo \"capstan --sandbox: exit \$rc (124: still running at the timeout)\"; [ \$rc -eq 124 ]"' \
    --customize-hook='for p in platforms/libqxcb.so sqldrivers/libqsqlite.so iconengines/libqsvgicon.so; do f="$(echo "$1"/usr/lib/*/qt6/plugins/$p)"; [ -f "$f" ] || { echo "missing plugin $p"; exit 1; }; ! chroot "$1" ldd "${f#"$1"}" | grep "not found" || exit 1; done; echo "plugins: xcb, sqlite and svg present, all their libraries resolved"' \
    bookworm /dev/null "$mirror"
echo "clean bookworm: $name installed and ran"
