#!/bin/sh
# Runs a test in a D-Bus session of its own with gnome-keyring unlocked: a real Secret Service, and a
# fresh home directory, so the test can list every file Capstan wrote and no real keychain is touched.
#   with-keyring.sh <test executable> [arguments…]
set -eu
if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
    echo "with-keyring.sh: needs gnome-keyring and dbus (apt-get install gnome-keyring dbus libsecret-tools)" >&2
    exit 1
fi
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export HOME="$home"
export XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" XDG_CACHE_HOME="$home/.cache"
export XDG_RUNTIME_DIR="$home/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# The unlock password only protects this throw-away keyring.
dbus-run-session -- sh -c 'printf capstan-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
    with-keyring "$@"
