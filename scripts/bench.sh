#!/usr/bin/env bash
# Everything, full length: criterion (`cargo bench`) → collect → the interleaved locate and
# contention suites at full length → (Go anchor) → merge → plots → comparison against this
# machine's baseline.
#
#   scripts/bench.sh            # about 30 minutes on a 2-core machine
#   scripts/bench.sh --quick    # a smoke run: criterion in quick mode, --quick suites
#   scripts/bench.sh --go       # also run the real Go maps (scripts/go-anchor.sh) and merge them
#
# Each step writes its own file under results/local/ (git-ignored: criterion.json,
# locate.json, contention.json, go-anchor.json), so a failing step never loses the others;
# they are merged into results/local/bench.json, plotted into results/local/plots/ and
# compared with this machine's baseline (`gomap-bench baseline`). Nothing tracked changes.
# Exit status: that of the comparison (0 no regression, 1 regression, 2 bad input), or the
# first failing step's.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0 go=0
for a in "$@"; do
    case "$a" in
        --quick) quick=1 ;;
        --go) go=1 ;;
        *) echo "bench.sh: unknown option $a (known: --quick --go)" >&2; exit 2 ;;
    esac
done
out=results/local
mkdir -p $out

cargo build --release --quiet --bin gomap-bench
bin=target/release/gomap-bench

echo "== criterion (cargo bench)"
if [ $quick = 1 ]; then
    GOMAP_BENCH_QUICK=1 cargo bench --quiet
else
    cargo bench --quiet
fi
$bin collect --out $out/criterion.json

q=()
[ $quick = 1 ] && q=(--quick)
echo "== locate (interleaved rounds)"
$bin locate "${q[@]}" --out $out/locate.json
echo "== contention (interleaved rounds)"
$bin contention "${q[@]}" --out $out/contention.json

# The merged file takes its run facts (compiler, flags, revision) from the last input, so the
# Go anchor, when present, goes first.
inputs=()
if [ $go = 1 ]; then
    echo "== go anchor"
    goargs=()
    [ $quick = 1 ] && goargs+=(--quick)
    if scripts/go-anchor.sh "${goargs[@]}" --out $out/go-anchor.json; then
        inputs=($out/go-anchor.json)
    else
        echo "bench.sh: the Go anchor failed; going on without it" >&2
    fi
fi

inputs+=($out/criterion.json $out/locate.json $out/contention.json)
$bin merge "${inputs[@]}" --out $out/bench.json

echo "== plots"
scripts/plot.sh $out/bench.json --out-dir $out/plots

echo "== compare against this machine's baseline"
if baseline=$($bin baseline); then
    $bin compare "$baseline" $out/bench.json
else
    echo "(nothing to compare)"
fi
