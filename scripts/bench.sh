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
# `index rebuild` builds a new index beside the old one and swaps it in. Five runs,
# since one varies by 15-40% on a shared virtual machine, and their median; the last
# run prints its phases.
RUNS="$DIR/rebuild-runs.txt"
: > "$RUNS"
for i in 1 2 3 4 5; do
    if [ "$i" = 5 ]; then export WEFT_BUILD_TIMING=1; fi
    "$WEFT" --space "$DIR/space" index rebuild >"$DIR/run.txt" 2>&1 || { cat "$DIR/run.txt"; exit 1; }
    cat "$DIR/run.txt"
    cat "$DIR/run.txt" >> "$RUNS"
done
unset WEFT_BUILD_TIMING
sed -n 's/^Rebuilt the index: .* in \([0-9.]*\) s (\([0-9]*\) events\/s)$/\1 \2/p' "$RUNS" | LC_ALL=C sort -n |
    awk '{ t[NR] = $1; r[NR] = $2 } END { m = int((NR + 1) / 2);
        printf "index build, median of %d runs: %s s (%s events/s); fastest %s s, slowest %s s\n", NR, t[m], r[m], t[1], t[NR] }'
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
