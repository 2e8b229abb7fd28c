#!/usr/bin/env bash
# packaging.debinstall: the package built by packaging.deb installs with dpkg -i on this machine, capstan
# --version and capstan-sandbox run from /usr/bin, the window comes up on the offscreen platform, and dpkg
# --purge leaves the machine as it was. Needs root; skipped otherwise, and when a capstan package is already
# installed (it is not replaced).
#   debinstall.sh OUTDIR VERSION
set -euo pipefail
out="$1"
version="$2"
deb="$out/capstan_${version}_$(dpkg --print-architecture).deb"

if [ "$(id -u)" -ne 0 ]; then
    echo "not root: installing the package with dpkg -i needs root, skipped."
    exit 77
fi
if dpkg-query -W -f='${Status}' capstan 2>/dev/null | grep -q ' installed$'; then
    echo "a capstan package is already installed on this machine: not replacing it, skipped."
    exit 77
fi
if [ ! -f "$deb" ]; then
    if ! command -v dpkg-shlibdeps >/dev/null; then
        echo "no package to install: packaging.deb needs the Debian package dpkg-dev, skipped."
        exit 77
    fi
    echo "$deb is missing (packaging.deb writes it)"
    exit 1
fi

tmp="$(mktemp -d)"
cleanup() {
    if dpkg-query -W capstan >/dev/null 2>&1; then
        dpkg --purge capstan >/dev/null || echo "dpkg --purge capstan failed"
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

if ! dpkg -i "$deb" >"$tmp/dpkg.log" 2>&1; then
    cat "$tmp/dpkg.log"
    echo "dpkg -i failed (missing dependencies are installed by .ci/quickstart test)"
    exit 1
fi

got="$(QT_QPA_PLATFORM=offscreen /usr/bin/capstan --version)"
[ "$got" = "capstan $version" ] || { echo "capstan --version printed: $got"; exit 1; }
/usr/bin/capstan-sandbox --help >/dev/null || { echo "capstan-sandbox --help failed"; exit 1; }

# The window with the embedded sandbox: it keeps running until the timeout unless a plugin or library is
# missing. A private HOME keeps its local store away from the user's.
mkdir -p "$tmp/home" "$tmp/runtime"
chmod 700 "$tmp/runtime"
rc=0
HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" QT_QPA_PLATFORM=offscreen \
    timeout 8 /usr/bin/capstan --sandbox >"$tmp/run.log" 2>&1 || rc=$?
if [ "$rc" -ne 124 ] || grep -Ei 'driver not loaded|could not (load|find)|cannot open shared' "$tmp/run.log"; then
    cat "$tmp/run.log"
    echo "capstan --sandbox exited with $rc"
    exit 1
fi

dpkg --purge capstan >/dev/null
[ ! -e /usr/bin/capstan ] || { echo "/usr/bin/capstan is left after dpkg --purge"; exit 1; }
echo "$deb: installed, ran and removed"
