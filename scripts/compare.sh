#!/usr/bin/env bash
# Compares a run against results/baseline.json.
#
#   scripts/compare.sh                       # results/latest.json vs the baseline
#   scripts/compare.sh run.json --format markdown --threshold 3%
#
# Exit status: 0 no regression, 1 regression, 2 bad input (see results/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

current="${1:-results/latest.json}"
[ $# -gt 0 ] && shift

cargo build --release --quiet --bin gomap-bench
exec target/release/gomap-bench compare results/baseline.json "$current" "$@"
