#!/usr/bin/env bash
# scripts/asm.sh: the machine code of the loops the locate-cost question turns on, saved to
# results/asm/ so that a reader can check what the compiler made of each strategy.
#
# Builds the release binary (the release profile keeps debug=1) with v0 symbol mangling, in
# its own target directory (target/asm) so that the everyday build is not invalidated. The
# v0 scheme writes generic arguments into symbol names (default ones omitted when demangled),
# so every monomorphized copy is found by its demangled name, e.g.
#   gomap_bench::harness::measuring::index_kernels::throughput::<gomap_bench::gomap::locate::FromB>
# and disassembled alone (objdump -d --no-show-raw-insn -C). No code is added for this: the
# kernels are the #[inline(never)] functions the benches and `gomap-bench locate` time.
#
# Writes, one function per file:
#   index-{precomputed,fromb}-{throughput,latency}.s   harness::index_kernels::{throughput,latency}
#   fast64-get-scalar.s   harness::single::time_gets::<GoFast64<KeysScalar>>
#   fast64-get-scalar-fromb.s  the same with the FromB strategy (where its mask is computed)
#   fast64-get-avx2.s     the time_gets closure run inside keys_avx2::with_avx2
#   fast64-get-avx512.s   the time_gets closure run inside keys_avx512::with_avx512
# (results/asm/README.md reads them; README-go.md, go-writing-flag.json and the go1.*-*.txt
# listings belong to the Go anchor: scripts/go-anchor.sh --only asm.)
#
# The listings come from the `gomap-bench` binary (the code `gomap-bench locate` runs); the
# bench binaries instantiate the same generic functions with the same profile settings.
#
# Usage: scripts/asm.sh        (x86_64 Linux, GNU binutils >= 2.36 for v0 demangling)
set -euo pipefail
cd "$(dirname "$0")/.."

target_dir=target/asm
out=results/asm
RUSTFLAGS="${RUSTFLAGS:-} -C symbol-mangling-version=v0" CARGO_TARGET_DIR="$target_dir" \
    cargo build --release --bin gomap-bench
bin="$target_dir/release/gomap-bench"
mkdir -p "$out"

# "address<TAB>size<TAB>demangled name" for every defined text symbol.
symbols=$(nm --defined-only -S -C "$bin" |
    awk '$3 ~ /^[tT]$/ {a=$1; s=$2; $1=$2=$3=""; sub(/^ +/, ""); print a "\t" s "\t" $0}')

p=gomap_bench::gomap
h=gomap_bench::harness::measuring
single=gomap_bench::contenders::single

# dump FILE DEMANGLED-NAME-REGEX: exactly one symbol must match; its bytes are disassembled.
dump() {
    local file=$1 pattern=$2 matches addr size
    matches=$(awk -F'\t' -v re="$pattern" '$3 ~ re' <<<"$symbols")
    if [ "$(grep -c . <<<"$matches")" != 1 ]; then
        echo "asm.sh: expected one symbol matching /$pattern/ for $file, found:" >&2
        echo "${matches:-  (none)}" >&2
        exit 1
    fi
    IFS=$'\t' read -r addr size _ <<<"$matches"
    {
        echo "# $(cut -f3 <<<"$matches")"
        echo "# $(rustc -V); release profile; objdump -d --no-show-raw-insn -C"
        objdump -d --no-show-raw-insn -C --start-address=$((16#$addr)) \
            --stop-address=$((16#$addr + 16#$size)) "$bin" |
            awk 'found || /^[0-9a-f]+ </ {found=1; print}'
    } >"$out/$file"
    echo "$out/$file: $(grep -c '^ ' "$out/$file") instructions"
}

# Regex-escape the brackets and dots of a Rust path.
re() { sed 's/[][().*+?{}|^$]/\\&/g' <<<"$1"; }

for kernel in throughput latency; do
    dump "index-precomputed-$kernel.s" "^$(re "$h::index_kernels::$kernel::<$p::locate::Precomputed>")\$"
    dump "index-fromb-$kernel.s" "^$(re "$h::index_kernels::$kernel::<$p::locate::FromB>")\$"
done
dump fast64-get-scalar.s \
    "^$(re "$h::single::time_gets::<$single::GoFast64<$p::fast64::keys::KeysScalar>>")\$"
dump fast64-get-scalar-fromb.s \
    "^$(re "$h::single::time_gets::<$single::GoFast64<$p::fast64::keys::KeysScalar, $p::locate::FromB>>")\$"
dump fast64-get-avx2.s \
    "^$(re "$p::fast64::keys_avx2::with_avx2::<")"'.*'"$(re "$h::single::time_gets<$single::GoFast64<$p::fast64::keys_avx2::KeysAvx2>>::{closure#0}>")\$"
dump fast64-get-avx512.s \
    "^$(re "$p::fast64::keys_avx512::with_avx512::<")"'.*'"$(re "$h::single::time_gets<$single::GoFast64<$p::fast64::keys_avx512::KeysAvx512>>::{closure#0}>")\$"
