#!/usr/bin/env bash
# Remakes the reference sitting: every committed result the README and docs show, measured
# one after the other on this machine, then the plots, the report and the generated blocks
# redrawn from them. About 30 minutes on the project's 2-core VM; leave the machine idle.
#
#   scripts/reference.sh [--no-detect]
#
# In order: the main job (`run --update-reference --calibration-passes 3`: the README's
# figures and this machine's baseline), the real Go maps (`scripts/go-anchor.sh`: measure,
# asm, and detect unless --no-detect), the counts baseline (`scripts/counts-gate.sh
# --update`), the plots and report (`scripts/plot.sh`) and the generated blocks
# (`gomap-bench docs`). Refuses to start on a working tree with uncommitted changes to
# tracked files: every file records the revision that measured it, and "modified" would
# leave a reader unable to rebuild it.
set -euo pipefail
cd "$(dirname "$0")/.."

steps="measure,asm,detect"
case "${1:-}" in
    "") ;;
    --no-detect) steps="measure,asm" ;;
    *) echo "usage: scripts/reference.sh [--no-detect]" >&2; exit 2 ;;
esac
if [ -n "$(git status --porcelain --untracked-files=no -- . ':(exclude)results' ':(exclude)*.md')" ]; then
    echo "reference.sh: the working tree has uncommitted changes; commit them first, so every file records a clean build" >&2
    exit 2
fi

cargo build --release --quiet --bin gomap-bench
bin=target/release/gomap-bench
start=$(date +%s)
echo "== the main job" >&2
# Exit 1 says this sitting differs from the previous reference beyond noise: that is news to
# read, not a reason to stop; 2 and above are errors.
rc=0
$bin run --update-reference --calibration-passes 3 || rc=$?
if [ "$rc" -gt 1 ]; then
    echo "reference.sh: the main job failed (exit $rc)" >&2
    exit "$rc"
fi
echo "== the Go anchor ($steps)" >&2
scripts/go-anchor.sh --only "$steps"
echo "== the counts baseline" >&2
scripts/counts-gate.sh --update
echo "== plots, report and generated blocks" >&2
scripts/plot.sh
$bin docs
echo "reference.sh: done in $(( ($(date +%s) - start) / 60 )) minutes; review and commit results/, README.md and docs/" >&2
