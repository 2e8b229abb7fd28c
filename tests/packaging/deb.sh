#!/usr/bin/env bash
# packaging.deb: cpack builds the Debian package from the build tree into OUTDIR; its control fields name the
# shared libraries dpkg-shlibdeps found and the Qt plugins it cannot see, and it holds the binaries and the
# desktop integration files, all under /usr.
#   deb.sh BUILDDIR OUTDIR VERSION
set -euo pipefail
build="$1"
out="$2"
version="$3"

for tool in dpkg-deb dpkg-shlibdeps; do
    if ! command -v "$tool" >/dev/null; then
        echo "$tool is missing: install the Debian package dpkg-dev (the test set-up does)."
        exit 77
    fi
done

rm -rf "$out"
mkdir -p "$out"
# -B keeps the staging tree and the package out of the build directory's own cpack output.
if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$out" >"$out/cpack.log" 2>&1; then
    cat "$out/cpack.log"
    exit 1
fi
deb="$out/capstan_${version}_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || { echo "cpack did not write $deb"; ls "$out"; exit 1; }
dpkg-deb --info "$deb"

field() { dpkg-deb --field "$deb" "$1"; }
[ "$(field Package)" = capstan ] || { echo "Package is not capstan"; exit 1; }
[ "$(field Version)" = "$version" ] || { echo "Version is not $version"; exit 1; }
[ -n "$(field Maintainer)" ] || { echo "no Maintainer"; exit 1; }

# Package names in Depends, without versions or alternatives.
names="$(field Depends | sed 's/[,|]/\n/g' | sed 's/(.*//; s/ //g' | sort -u)"
# Libraries the binaries link (found by dpkg-shlibdeps) and run-time plugins (listed by hand).
for package in libc6 libstdc++6 libgcc-s1 libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 \
    libqt6charts6 'libyaml-cpp0.*' 'libcpp-httplib0.*' libssl3 libqt6sql6-sqlite libqt6svg6; do
    found=""
    while read -r name; do
        # shellcheck disable=SC2053 # $package is a pattern
        if [[ "$name" == $package ]]; then
            found="$name"
        fi
    done <<<"$names"
    [ -n "$found" ] || { echo "Depends lacks $package"; exit 1; }
done

contents="$(dpkg-deb --contents "$deb" | awk '{ print $6 }')"
for path in ./usr/bin/capstan ./usr/bin/capstan-sandbox \
    ./usr/share/applications/io.github.capstan.Capstan.desktop \
    ./usr/share/metainfo/io.github.capstan.Capstan.metainfo.xml \
    ./usr/share/icons/hicolor/scalable/apps/io.github.capstan.Capstan.svg \
    ./usr/share/icons/hicolor/16x16/apps/io.github.capstan.Capstan.png \
    ./usr/share/icons/hicolor/256x256/apps/io.github.capstan.Capstan.png \
    ./usr/share/doc/capstan/copyright; do
    grep -qx "$path" <<<"$contents" || { echo "the package lacks $path"; exit 1; }
done
outside="$(grep -v -e '^\./$' -e '^\./usr/' <<<"$contents" || true)"
[ -z "$outside" ] || { echo "files outside /usr: $outside"; exit 1; }
echo "$deb: ok"
