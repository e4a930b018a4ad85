#!/bin/sh
# Weft's benchmark: generates a synthetic space of N posts (default 100000), then
# measures the index build rate from journals, cold `weft thread list`, the index size
# and, if available, the UI's first frame and keypress-to-frame times.
# bench-folds, last, writes one long thread into the space the first time.
# Usage: scripts/bench.sh [POSTS]   (expects .build/release/weft; `make bench` builds it)
set -eu
POSTS=${1:-100000}
WEFT=${WEFT:-.build/release/weft}
DIR=${BENCH_DIR:-/tmp/weft-bench-$POSTS}
export XDG_CACHE_HOME="$DIR/cache" XDG_STATE_HOME="$DIR/state" XDG_CONFIG_HOME="$DIR/config" WEFT_HANDLE=bench TZ=UTC
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
if [ ! -f "$DIR/space/weft.json" ]; then
    rm -rf "$DIR"; mkdir -p "$DIR"
    "$WEFT" dev generate --space "$DIR/space" --posts "$POSTS" --seed 1
fi
echo "journals: $(du -sh "$DIR/space" | cut -f1)"
"$WEFT" dev parse --space "$DIR/space"
# `index rebuild` builds a new index beside the old one and swaps it in. Three runs,
# since one varies by 15% on a shared machine; the last prints its phases.
"$WEFT" --space "$DIR/space" index rebuild
"$WEFT" --space "$DIR/space" index rebuild
WEFT_BUILD_TIMING=1 "$WEFT" --space "$DIR/space" index rebuild
echo "index: $(du -sh "$XDG_CACHE_HOME" | cut -f1)"
BOARD=$("$WEFT" --space "$DIR/space" board list --json | sed -n 's/.*"slug" : "\(.*\)".*/\1/p' | head -1)
for i in 1 2 3 4 5; do
    start=$(date +%s%N)
    "$WEFT" --space "$DIR/space" thread list --board "$BOARD" >/dev/null
    end=$(date +%s%N)
    echo "cold thread list run $i: $(( (end - start) / 1000000 )) ms"
done
if "$WEFT" dev bench-digest --help >/dev/null 2>&1; then
    "$WEFT" dev bench-digest --space "$DIR/space"
fi
if "$WEFT" dev bench-ui --help >/dev/null 2>&1; then
    "$WEFT" dev bench-ui --space "$DIR/space"
fi
"$WEFT" dev bench-search --space "$DIR/space"
# Adds one thread of 1,000 reply trees to the space (once), then times frames on it.
"$WEFT" dev bench-folds --space "$DIR/space"
