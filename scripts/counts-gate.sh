#!/usr/bin/env bash
# The counts gate: did this build add work to the maps' operations?
#
# Counts every op of gomap/generic, gomap/fast64 and hashbrown at 2^10 and 2^16 entries on
# valgrind's simulated CPU (`gomap-bench counts --gate`: instructions, branches,
# mispredicts, L1 and LL misses per op) and compares them with the committed baseline,
# results/counts/baseline.json, by compare's rule for counts: instructions and branches
# exactly (a change beyond 0.1% is a regression or an improvement), the simulated cache and
# predictor events within 5%. Exit 0: no regression; 1: a regression; 2: the counts cannot
# be compared (another compiler, valgrind or cache geometry: re-count the baseline with
# --update) or bad input.
#
#   scripts/counts-gate.sh            the gate (CI runs it; about a minute with the build)
#   scripts/counts-gate.sh --update   count this build into results/counts/baseline.json
#
# valgrind is installed from the distribution's packages when it is missing and this runs
# as root (as CI does); otherwise the script says how to install it.
set -euo pipefail
cd "$(dirname "$0")/.."

baseline=results/counts/baseline.json
update=false
case "${1:-}" in
    "") ;;
    --update) update=true ;;
    *) echo "usage: scripts/counts-gate.sh [--update]" >&2; exit 2 ;;
esac

if ! command -v valgrind >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "counts gate: installing valgrind (Debian package)" >&2
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null
    else
        echo "counts gate: valgrind is missing; install it (Debian: apt-get install valgrind)" >&2
        exit 2
    fi
fi

cargo build --release --quiet --bin gomap-bench
bin=target/release/gomap-bench
work=target/counts-gate
mkdir -p "$work"
start=$(date +%s)
# counts FILE [FLAGS]: the gate's grid into FILE; its progress goes to a log, shown when it
# fails.
count() {
    local file=$1
    shift
    if ! "$bin" counts --gate --out "$file" "$@" >"$work/counts.txt" 2>"$work/counts.log"; then
        cat "$work/counts.log" >&2
        exit 2
    fi
}
if $update; then
    mkdir -p "$(dirname "$baseline")"
    count "$baseline" --update-baseline
    echo "counts gate: wrote $baseline ($(( $(date +%s) - start )) s)"
    exit 0
fi
current=$work/current.json
count "$current"
status=0
"$bin" compare "$baseline" "$current" >"$work/compare.txt" || status=$?
# The rows that need a look, then the counts.
grep -E '^(verdict|regressed|improved|invalid|missing)' "$work/compare.txt" || true
tail -n 1 "$work/compare.txt"
echo "counts gate: exit $status ($(( $(date +%s) - start )) s counting and comparing)"
exit $status
