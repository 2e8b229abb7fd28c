# shellcheck shell=bash
# Sourced by the packaging tests. png_size FILE prints "WIDTHxHEIGHT" from the PNG's IHDR chunk.
png_size() {
    local b
    read -r -a b <<<"$(od -An -tu1 -j16 -N8 "$1")"
    [ "${#b[@]}" -eq 8 ] || return 1
    echo "$(((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]))x$(((b[4] << 24) | (b[5] << 16) | (b[6] << 8) | b[7]))"
}
