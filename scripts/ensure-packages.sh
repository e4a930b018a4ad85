#!/bin/sh
# Installs the Debian/Ubuntu packages given as arguments if any is missing.
# Uses apt-get directly as root, sudo otherwise; explains what to do elsewhere.
set -eu
missing=""
for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "weft: missing system packages:$missing" >&2
    echo "weft: this is not a Debian/Ubuntu system; install the ncurses (wide-character) and SQLite 3 development files, acl (setfacl) and tmux with your package manager, then run make again" >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "weft: missing system packages:$missing; run as root: apt-get install$missing" >&2
    exit 1
fi
echo "Installing system packages:$missing"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $missing
