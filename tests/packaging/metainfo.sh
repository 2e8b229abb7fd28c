#!/usr/bin/env bash
# packaging.metainfo: the AppStream metainfo passes appstreamcli validate --no-net, names the application id,
# lists the project's version among its releases, and every screenshot URL points at a file in this repository.
set -euo pipefail
metainfo="$1"
version="$2"
src="$3"
app_id="$(basename "$metainfo" .metainfo.xml)"
# shellcheck source=tests/packaging/pngsize.sh
. "$(dirname "${BASH_SOURCE[0]}")/pngsize.sh"

if ! command -v appstreamcli >/dev/null; then
    echo "appstreamcli is missing: install the Debian package appstream (the test set-up does)."
    exit 77
fi
appstreamcli validate --no-net --explain "$metainfo"
grep -q "<id>$app_id</id>" "$metainfo" || { echo "<id> is not $app_id"; exit 1; }
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" || {
    echo "<launchable> does not name $app_id.desktop"
    exit 1
}
grep -q "<release version=\"$version\" date=\"[0-9-]*\"" "$metainfo" || {
    echo "no <release> for version $version"
    exit 1
}
prefix="https://raw.githubusercontent.com/capstan/capstan/main/"
images="$(grep -o '<image[^>]*>[^<]*</image>' "$metainfo")"
[ -n "$images" ] || { echo "no screenshot"; exit 1; }
while read -r image; do
    url="${image#*>}"
    url="${url%%<*}"
    case "$url" in
    "$prefix"*) file="$src/${url#"$prefix"}" ;;
    *) echo "screenshot URL outside the repository: $url"; exit 1 ;;
    esac
    [ -f "$file" ] || { echo "screenshot $url: $file does not exist"; exit 1; }
    # The store lays out the page from the declared size before the image arrives.
    declared="$(sed -n 's/.*width="\([0-9]*\)" height="\([0-9]*\)".*/\1x\2/p' <<<"$image")"
    actual="$(png_size "$file")"
    [ "$declared" = "$actual" ] || { echo "$file is $actual, the metainfo says $declared"; exit 1; }
done <<<"$images"
echo "$metainfo: valid"
