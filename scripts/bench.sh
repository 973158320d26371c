#!/usr/bin/env bash
# Everything, full length: criterion (`cargo bench`) → collect → contention → merge →
# plots → comparison against results/baseline.json.
#
#   scripts/bench.sh            # about 25 minutes on a 2-core machine
#   scripts/bench.sh --quick    # a smoke run: criterion in quick mode, short contention cells
#   scripts/bench.sh --go       # also run the real Go maps (scripts/go-anchor.sh) and merge them
#
# Each step writes its own file under results/ (criterion.json, contention.json, go-anchor.json),
# so a failing step never loses the others; they are merged into results/latest.json (never
# the baseline: pass --update-baseline to replace it too).
# Exit status: that of the comparison (0 no regression, 1 regression, 2 bad input), or the
# first failing step's.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0 go=0 update=()
for a in "$@"; do
    case "$a" in
        --quick) quick=1 ;;
        --go) go=1 ;;
        --update-baseline) update=(--update-baseline) ;;
        *) echo "bench.sh: unknown option $a (known: --quick --go --update-baseline)" >&2; exit 2 ;;
    esac
done

cargo build --release --quiet --bin gomap-bench
bin=target/release/gomap-bench

echo "== criterion (cargo bench)"
if [ $quick = 1 ]; then
    GOMAP_BENCH_QUICK=1 cargo bench --quiet
else
    cargo bench --quiet
fi
$bin collect --out results/criterion.json

echo "== contention"
if [ $quick = 1 ]; then
    $bin contention --quick --out results/contention.json
else
    $bin contention --out results/contention.json
fi

# The merged file takes its run facts (compiler, flags, revision) from the last input, so the
# Go anchor, when present, goes first.
inputs=()
if [ $go = 1 ]; then
    echo "== go anchor"
    goargs=()
    [ $quick = 1 ] && goargs+=(--quick)
    if scripts/go-anchor.sh "${goargs[@]}" --out results/go-anchor.json; then
        inputs=(results/go-anchor.json)
    else
        echo "bench.sh: the Go anchor failed; going on without it" >&2
    fi
fi

inputs+=(results/criterion.json results/contention.json)
$bin merge "${inputs[@]}" --out results/latest.json
if [ ${#update[@]} -gt 0 ]; then
    $bin merge results/latest.json --out results/baseline.json "${update[@]}"
fi

echo "== plots"
scripts/plot.sh results/latest.json

echo "== compare against results/baseline.json"
if [ -f results/baseline.json ]; then
    $bin compare results/baseline.json results/latest.json
else
    echo "no results/baseline.json yet: nothing to compare (create one with --update-baseline)"
fi
