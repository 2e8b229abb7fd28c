#!/bin/sh
# Runs a test in a D-Bus session of its own with a real notification server (dunst) on it, and every
# call to org.freedesktop.Notifications recorded by dbus-monitor into $CAPSTAN_NOTIFY_LOG, so the test
# sees what a desktop would receive. Needs a display (the suite runs under xvfb-run).
#   with-notifications.sh <test executable> [arguments…]
set -eu
if ! command -v dunst >/dev/null || ! command -v dbus-run-session >/dev/null || ! command -v dbus-monitor >/dev/null; then
    echo "with-notifications.sh: needs dunst and dbus (apt-get install dunst dbus)" >&2
    exit 1
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
export HOME="$dir"
export XDG_CONFIG_HOME="$dir/.config" XDG_DATA_HOME="$dir/.local/share" XDG_CACHE_HOME="$dir/.cache"
export XDG_RUNTIME_DIR="$dir/runtime"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export CAPSTAN_NOTIFY_LOG="$dir/notifications.log"
dbus-run-session -- sh -c '
    dbus-monitor --session "interface=org.freedesktop.Notifications" >"$CAPSTAN_NOTIFY_LOG" 2>&1 &
    monitor=$!
    dunst -conf /dev/null >"$HOME/dunst.log" 2>&1 &
    server=$!
    status=0
    "$@" || status=$?
    kill "$server" "$monitor" 2>/dev/null || true
    exit "$status"' with-notifications "$@"
