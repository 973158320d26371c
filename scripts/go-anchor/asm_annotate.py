#!/usr/bin/env python3
"""Where Go's map functions check, set, re-check and clear their writing flag, from the machine code.

Run by scripts/go-anchor.sh (never by hand-editing its outputs). For every build given, it runs
`go tool objdump` on runtime.mapassign, runtime.mapassign_fast64, runtime.mapdelete_fast64 and
runtime.mapaccess1_fast64 (in go1.24+ these symbols are internal/runtime/maps functions
linknamed into runtime), saves each listing to OUT_DIR, and writes OUT_DIR/README-go.md and
OUT_DIR/go-writing-flag.json from what it finds.

Nothing is located by line number. Everything is found by pattern, from facts read out of the
toolchain's own source (its GOROOT):

  * the flag's byte offset: the field layout of `hmap` (classic) or `Map` (swiss) parsed from
    the struct declaration, so `flags` is found at +0x8 and `writing` at +0x22 by arithmetic;
  * the bit: `hashWriting = 4` parsed from the source (the swiss `writing` is a whole byte);
  * a *check* is a byte load of that field then `TEST $bit` (or a `CMPB field, $0`), whose
    branch leads to a `CALL ...fatal(SB)` within a few instructions; the branch polarity says
    whether it is fatal when the flag is set (a check) or when it is clear (the re-check before
    clearing); the message is named by its length in BX (21: "concurrent map writes", 33:
    "concurrent map read and map write") and confirmed by the quoted source line;
  * a *set* / *clear* is a load / `XOR`|`OR`|`AND` immediate / `MOVB` store on that field; an
    `AND $~bit` clears, a swiss `XOR $1` reached from a re-check's non-fatal path clears, any
    other XOR sets; the instruction bytes show whether a LOCK prefix (0xf0) is present;
  * the parameter count: the register arguments the function spills before calling
    runtime.morestack (every register argument is saved there), beside the source signature;
  * the bucket index: a load of `B`, `SHLQ CL` (1 << B), `LEAQ -1` and an AND with the hash
    (classic), or a load of `globalShift` with `SHRQ CL` (the directory index) and
    `SHRQ $0x7` then AND (the probe start, H1 & mask) (swiss).

A pattern that is not found is reported as not found, in the README, never guessed. A function
with no flag instructions of its own is followed into the maps functions it calls (the swiss
mapdelete_fast64 calls (*Map).Delete).

Usage: asm_annotate.py OUT_DIR LABEL=GO_BINARY=PROGRAM_BINARY=VARIANT ...
       (VARIANT: classic, noswiss or swiss; e.g. go1.22=/path/go=/path/go-anchor-go1.22=classic)
"""
import json
import os
import re
import subprocess
import sys

FUNCS = ["mapassign", "mapassign_fast64", "mapdelete_fast64", "mapaccess1_fast64"]
MESSAGES = {21: "concurrent map writes", 33: "concurrent map read and map write"}
FATAL_RE = re.compile(r"CALL (runtime|internal/runtime/maps)\.fatal\(SB\)")
SIZES = {"uint8": 1, "int8": 1, "bool": 1, "byte": 1, "uint16": 2, "int16": 2,
         "uint32": 4, "int32": 4, "uint64": 8, "int64": 8, "int": 8, "uint": 8,
         "uintptr": 8, "unsafe.Pointer": 8}
# Go's register ABI on amd64: integer arguments in this order.
ABI_INT_REGS = ["AX", "BX", "CX", "DI", "SI", "R8", "R9", "R10", "R11"]
REG64 = {"AL": "AX", "BL": "BX", "CL": "CX", "DL": "DX", "SIB": "SI", "DIB": "DI",
         "BPB": "BP", "SPB": "SP"}


def cmp_mem_imm(text, op, mem, imm):
    """`OP mem..., $imm` in either operand order (go1.19's objdump prints `CMPB $0x0, 0x9(BX)`,
    later ones `CMPB 0x9(BX), $0x0`)."""
    m = re.match(r"^%s (\S+), (\S+)$" % op, text)
    if not m:
        return False
    a, b = m.group(1), m.group(2)
    return (a.startswith(mem) and b == imm) or (b.startswith(mem) and a == imm)


def reg64(r):
    r = r.strip()
    if r in REG64:
        return REG64[r]
    m = re.match(r"^(R\d+)[BLW]?$", r)
    return m.group(1) if m else r


# ---- reading the toolchain's source ---------------------------------------------------------

class Source:
    """Files of one GOROOT, found by base name within the map-related packages."""

    def __init__(self, goroot):
        self.goroot = goroot
        self.dirs = [os.path.join(goroot, "src", d) for d in
                     ("runtime", "internal/runtime/maps", "internal/abi", "internal/runtime/sys")]
        self.cache = {}

    def path(self, name, prefer=None):
        key = (name, prefer)
        if key not in self.cache:
            cands = ([prefer] if prefer else []) + self.dirs
            self.cache[key] = next((os.path.join(d, name) for d in cands
                                    if os.path.isfile(os.path.join(d, name))), None)
        return self.cache[key]

    def lines(self, path):
        with open(path, encoding="utf-8") as f:
            return f.read().split("\n")

    def line(self, name, n, prefer=None):
        p = self.path(name, prefer)
        if not p:
            return ""
        ls = self.lines(p)
        return ls[n - 1].strip() if 0 < n <= len(ls) else ""

    def grep_files(self, pattern, dirs):
        rx = re.compile(pattern)
        for d in dirs:
            d = os.path.join(self.goroot, "src", d)
            for f in sorted(os.listdir(d)):
                if f.endswith(".go") and not f.endswith("_test.go"):
                    text = open(os.path.join(d, f), encoding="utf-8").read()
                    if rx.search(text):
                        yield os.path.join(d, f), text


def struct_layout(src, name, dirs):
    """Field offsets of `type NAME struct {...}` (simple field types only; enough for hmap/Map)."""
    for path, text in src.grep_files(r"\ntype %s struct \{" % re.escape(name), dirs):
        body = re.search(r"\ntype %s struct \{\n(.*?)\n\}" % re.escape(name), text, re.S).group(1)
        off, fields = 0, {}
        for raw in body.split("\n"):
            line = raw.split("//")[0].strip()
            if not line:
                continue
            m = re.match(r"^([\w, ]+?)\s+(\*?[\w.]+)$", line)
            if not m:
                return None, path, f"cannot size field line {line!r}"
            typ = m.group(2)
            size = 8 if typ.startswith("*") else SIZES.get(typ)
            if size is None:
                return None, path, f"unknown field type {typ!r}"
            for fname in [n.strip() for n in m.group(1).split(",")]:
                off = (off + size - 1) // size * size
                fields[fname] = off
                off += size
        return fields, path, None
    return None, None, f"no `type {name} struct` found"


def const_value(src, name, dirs):
    for _, text in src.grep_files(r"\b%s\s*=\s*\d+" % name, dirs):
        return int(re.search(r"\b%s\s*=\s*(\d+)" % name, text).group(1))
    return None


# ---- parsing objdump ---------------------------------------------------------------------------

class Ins:
    def __init__(self, k, file, line, addr, code, text):
        self.k, self.file, self.line, self.addr, self.code, self.text = k, file, line, addr, code, text

    def loc(self):
        return f"{self.file}:{self.line}"


def parse_objdump(text):
    header, ins = None, []
    for raw in text.split("\n"):
        if raw.startswith("TEXT "):
            header = raw
            continue
        parts = [p for p in raw.split("\t") if p.strip()]
        if len(parts) < 4 or not parts[1].strip().startswith("0x"):
            continue
        fl = parts[0].strip()
        file, _, line = fl.rpartition(":")
        ins.append(Ins(len(ins), file, int(line), int(parts[1], 16), parts[2].strip(), parts[3].strip()))
    return header, ins


def objdump(go, binary, symbol):
    rx = "^" + re.escape(symbol) + "$"
    r = subprocess.run([go, "tool", "objdump", "-s", rx, binary], capture_output=True, text=True)
    if r.returncode != 0 or "TEXT " not in r.stdout:
        return None
    return r.stdout


# ---- the patterns -------------------------------------------------------------------------------

class Variant:
    def __init__(self, kind, src):
        self.kind = kind
        self.problems = []
        if kind == "swiss":
            fields, path, err = struct_layout(src, "Map", ["internal/runtime/maps"])
            self.struct, self.field, self.bit = "Map", "writing", None
            self.index_fields = ("globalShift", "dirLen")
        else:
            fields, path, err = struct_layout(src, "hmap", ["runtime"])
            self.struct, self.field = "hmap", "flags"
            self.bit = const_value(src, "hashWriting", ["runtime"])
            if self.bit is None:
                self.problems.append("hashWriting constant not found in the source")
            self.index_fields = ("B",)
        self.struct_path = os.path.relpath(path, src.goroot) if path else None
        if err:
            self.problems.append(err)
        self.fields = fields or {}
        self.off = self.fields.get(self.field)
        if self.off is None:
            self.problems.append(f"field {self.struct}.{self.field} not found")

    def mem(self, off):
        return f"{off:#x}(" if off else "0("

    def describe(self):
        if self.off is None:
            return "not found"
        if self.kind == "swiss":
            return f"`Map.writing`, the byte at +{self.off:#x} (toggled with XOR 1)"
        return f"`hmap.flags`, the byte at +{self.off:#x}, bit `{self.bit:#x}` (hashWriting)"


def jump_of(ins, k, within=2):
    for j in range(k + 1, min(k + 1 + within, len(ins))):
        m = re.match(r"^(JE|JNE|JEQ|JZ|JNZ) (0x[0-9a-f]+)$", ins[j].text)
        if m:
            return j, m.group(1) in ("JE", "JEQ", "JZ"), int(m.group(2), 16)
    return None


def at_addr(ins, addr):
    return next((i.k for i in ins if i.addr == addr), None)


def fatal_near(ins, k, within=5):
    """The fatal call in the `within` instructions from k, and its message (by BX length)."""
    for j in range(k, min(k + within, len(ins))):
        if FATAL_RE.search(ins[j].text):
            msg = None
            for b in range(j - 1, max(j - 5, -1), -1):
                m = re.match(r"^MOVL \$(0x[0-9a-f]+), BX$", ins[b].text)
                if m:
                    msg = MESSAGES.get(int(m.group(1), 16), f"a {int(m.group(1), 16)}-byte message")
                    break
            return j, msg
        if ins[j].text.startswith(("RET", "JMP")) and j > k:
            return None
    return None


def flag_load_reg(ins, k, v, back=6):
    """The register a preceding byte load of the flag field filled, and that load's index."""
    mem = v.mem(v.off)
    for j in range(k - 1, max(k - 1 - back, -1), -1):
        m = re.match(r"^MOV(?:ZX|BLZX|B) %s(\w+)\), (\w+)$" % re.escape(mem), ins[j].text)
        if m:
            return reg64(m.group(2)), j
    return None, None


def find_checks(ins, v):
    """Every test of the flag whose branch leads to fatal: (index, load index, 'set'|'clear', fatal idx, msg)."""
    out = []
    mem = v.mem(v.off)
    for i in ins:
        t = i.text
        tested = None
        if v.kind == "swiss":
            if cmp_mem_imm(t, "CMPB", mem, "$0x0"):
                tested, load = "byte", i.k
            else:
                m = re.match(r"^TEST[BL] (\w+), (\w+)$", t)
                if m and m.group(1) == m.group(2):
                    r, load = flag_load_reg(ins, i.k, v)
                    if r and r == reg64(m.group(1)):
                        tested = "byte"
        else:
            m = re.match(r"^TEST[BL] \$(0x[0-9a-f]+), (\S+)$", t)
            if m and int(m.group(1), 16) == v.bit:
                if m.group(2).startswith(mem):
                    tested, load = "bit", i.k
                else:
                    r, load = flag_load_reg(ins, i.k, v)
                    if r and r == reg64(m.group(2)):
                        tested = "bit"
        if not tested:
            continue
        jmp = jump_of(ins, i.k)
        if not jmp:
            continue
        j, jumps_if_zero, target = jmp
        fall = fatal_near(ins, j + 1)
        tk = at_addr(ins, target)
        taken = fatal_near(ins, tk) if tk is not None else None
        if fall and not taken:
            fatal_when_zero, (fk, msg), ok_addr = not jumps_if_zero, fall, target
        elif taken and not fall:
            fatal_when_zero, (fk, msg), ok_addr = jumps_if_zero, taken, ins[j + 1].addr
        else:
            continue
        out.append({"k": i.k, "load": load, "jump": j, "fatal": fk, "msg": msg,
                    "when": "clear" if fatal_when_zero else "set", "ok_addr": ok_addr})
    return out


def find_rmws(ins, v):
    """Read-modify-writes of the flag byte: (op index, load, store, op, imm, locked)."""
    out = []
    mem = v.mem(v.off)
    for i in ins:
        m = re.match(r"^(?:LOCK )?(XOR|OR|AND)([BL]) \$(-?0x[0-9a-f]+), (\S+)$", i.text)
        if not m:
            continue
        op, imm, dst = m.group(1), int(m.group(3), 16), m.group(4)
        load = store = None
        if dst.startswith(mem):  # a direct memory RMW
            load = store = i.k
        else:
            r, load = flag_load_reg(ins, i.k, v, back=4)
            if r != reg64(dst):
                continue
            for j in range(i.k + 1, min(i.k + 4, len(ins))):
                sm = re.match(r"^MOVB (\w+), %s\w+\)$" % re.escape(mem), ins[j].text)
                if sm and reg64(sm.group(1)) == r:
                    store = j
                    break
            if store is None:
                continue
        locked = any(ins[j].code.startswith("f0") or ins[j].text.startswith("LOCK")
                     for j in range(load, store + 1))
        out.append({"k": i.k, "load": load, "store": store, "op": op, "imm": imm, "locked": locked})
    return out


def classify_rmws(rmws, checks, ins, v):
    rechecks = [c for c in checks if c["when"] == "clear"]
    clear_ks = set()
    for c in rechecks:
        start = at_addr(ins, c["ok_addr"])
        if start is None:
            continue
        for r in rmws:
            if start <= r["load"] <= start + 6:
                clear_ks.add(r["k"])
                break
    for r in rmws:
        if r["op"] == "AND" and v.bit is not None and (r["imm"] & 0xFF) == (~v.bit & 0xFF):
            r["role"] = "clear"
        elif r["op"] == "XOR" and v.kind == "swiss":
            r["role"] = "clear" if r["k"] in clear_ks else "set"
        elif r["op"] in ("XOR", "OR") and (v.bit is None or r["imm"] == v.bit):
            r["role"] = "set" if v.kind != "swiss" else ("clear" if r["k"] in clear_ks else "set")
        else:
            r["role"] = "other"
    return rmws


def morestack_args(ins):
    for i in ins:
        if "CALL runtime.morestack" in i.text:
            regs = []
            for j in range(i.k - 1, -1, -1):
                if ins[j].text.startswith("NOP"):
                    continue
                m = re.match(r"^MOV(?:Q|SD|L) (\w+), 0x[0-9a-f]+\(SP\)$", ins[j].text)
                if not m:
                    break
                regs.append(m.group(1))
            return list(reversed(regs))
    return None


def source_signature(src, header):
    """(go name, parameter list text, count) of the function behind a TEXT line."""
    m = re.match(r"^TEXT (\S+)\(SB\) (\S+)$", header or "")
    if not m:
        return None
    sym, rel = m.group(1), m.group(2)
    path = os.path.join(src.goroot, "src", rel)
    if not os.path.isfile(path):
        return None
    text = open(path, encoding="utf-8").read()
    short = sym.rsplit(".", 1)[-1]
    ln = re.search(r"//go:linkname (\w+) %s\n" % re.escape(sym), text)
    name = ln.group(1) if ln else short
    recv = re.match(r"^.*\.\(\*(\w+)\)\.(\w+)$", sym)
    if recv:
        rx = r"\nfunc \((\w+ \*%s)\) %s\(([^)]*)\)" % (recv.group(1), recv.group(2))
    else:
        rx = r"\nfunc ()%s\(([^)]*)\)" % re.escape(name)
    fm = re.search(rx, text)
    if not fm:
        return None
    params = fm.group(fm.lastindex).strip()
    groups = [g.strip() for g in params.split(",") if g.strip()] if params else []
    count = len(groups) + (1 if recv else 0)
    sig = (f"({fm.group(1)}) " if recv else "") + f"{name}({params})"
    return {"name": name, "signature": sig, "count": count, "file": rel}


def find_index(ins, v):
    """The bucket-index computation: (first index, last index) of the quoted sequence, or None."""
    if v.kind == "swiss":
        gs = v.fields.get("globalShift")
        if gs is None:
            return None
        mem = v.mem(gs)
        for i in ins:
            if re.match(r"^MOV(?:ZX|BLZX) %s\w+\), \w+$" % re.escape(mem), i.text):
                shr_cl = next((j for j in range(i.k, min(i.k + 8, len(ins))) if ins[j].text.startswith("SHRQ CL,")), None)
                h1 = next((j for j in range(i.k, min(i.k + 24, len(ins))) if ins[j].text.startswith("SHRQ $0x7,")), None)
                if shr_cl is None or h1 is None:
                    continue
                andq = next((j for j in range(h1 + 1, min(h1 + 8, len(ins))) if ins[j].text.startswith("ANDQ ")), None)
                if andq is None:
                    continue
                start = i.k
                # the dirLen == 1 shortcut just before (directoryIndex's `if m.dirLen == 1`)
                dl = v.fields.get("dirLen")
                for j in range(i.k - 1, max(i.k - 6, -1), -1):
                    if dl is not None and cmp_mem_imm(ins[j].text, "CMPQ", v.mem(dl), "$0x1"):
                        start = j
                return start, andq
        return None
    b = v.fields.get("B")
    if b is None:
        return None
    mem = v.mem(b)
    for i in ins:
        if re.match(r"^MOV(?:ZX|BLZX) %s\w+\), \w+$" % re.escape(mem), i.text):
            shl = next((j for j in range(i.k, min(i.k + 8, len(ins))) if ins[j].text.startswith("SHLQ CL,")), None)
            if shl is None:
                continue
            dec = next((j for j in range(shl + 1, min(shl + 4, len(ins)))
                        if re.match(r"^(LEAQ -0x1\(|DECQ )", ins[j].text)), None)
            andq = next((j for j in range(shl + 1, min(shl + 8, len(ins))) if ins[j].text.startswith("ANDQ ")), None)
            if dec is None or andq is None:
                continue
            end = andq
            for j in range(andq + 1, min(andq + 4, len(ins))):
                if ins[j].text.startswith(("IMULQ", "ADDQ 0x10(")):
                    end = j
            return i.k, end
    return None


def find_no_hash_shortcut(ins, v):
    """A test that skips hashing (classic: B == 0; swiss: dirLen == 0) before the hasher call."""
    field = "dirLen" if v.kind == "swiss" else "B"
    off = v.fields.get(field)
    call = next((i.k for i in ins if i.text == "CALL CX"), None)  # the hasher: t.hasher / typ.Hasher
    if off is None or call is None:
        return None
    op = "CMPQ" if v.kind == "swiss" else "CMPB"
    for i in ins[:call]:
        if cmp_mem_imm(i.text, op, v.mem(off), "$0x0"):
            return i.k
    return None


# ---- one function -------------------------------------------------------------------------------

def analyse(go, binary, symbol, v, src, outdir, label, fname):
    text = objdump(go, binary, symbol)
    if text is None:
        return None
    text = text.replace(src.goroot, "$GOROOT")
    text = "\n".join(l.rstrip() for l in text.split("\n")).rstrip("\n") + "\n"
    tmp = os.path.join(outdir, fname + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, os.path.join(outdir, fname))
    header, ins = parse_objdump(text)
    fdir = None
    hm = re.match(r"^TEXT \S+ (\S+)$", header or "")
    if hm:
        fdir = os.path.join(src.goroot, "src", os.path.dirname(hm.group(1)))
    checks = find_checks(ins, v)
    rmws = classify_rmws(find_rmws(ins, v), checks, ins, v)
    set_ks = [r["k"] for r in rmws if r["role"] == "set"]
    first_set = min(set_ks) if set_ks else None
    for c in checks:
        if c["when"] == "clear":
            c["role"] = "recheck"
        elif first_set is None:
            c["role"] = "read check" if c["msg"] == MESSAGES[33] else "check"
        else:
            c["role"] = "entry check" if c["k"] < first_set else "check"
    fatal_sites = []
    for c in checks:
        fi = ins[c["fatal"]]
        fatal_sites.append({"role": c["role"], "message": c["msg"], "fatal_at": fi.loc(),
                            "source": src.line(fi.file, fi.line, fdir)})
    return {
        "symbol": symbol, "file": fname, "header": header, "ins": ins, "dir": fdir,
        "checks": checks, "rmws": rmws, "spilled": morestack_args(ins),
        "signature": source_signature(src, header), "index": find_index(ins, v),
        "no_hash": find_no_hash_shortcut(ins, v), "fatal_sites": fatal_sites,
        "calls": sorted({m.group(1) for i in ins for m in [re.match(r"^CALL (\S+)\(SB\)$", i.text)] if m}),
        "locked_any": any(i.text.startswith("LOCK") or i.code.startswith("f0") for i in ins),
    }


def excerpt(a, src, spans):
    """Instruction lines (with the source line they come from) for index spans [(lo, hi)]."""
    ins, out, last = a["ins"], [], None
    for lo, hi in sorted(spans):
        lo, hi = max(lo, 0), min(hi, len(ins) - 1)
        if last is not None and lo > last + 1:
            out.append("  …")
        for k in range(max(lo, (last or -1) + 1), hi + 1):
            i = ins[k]
            s = src.line(i.file, i.line, a["dir"])
            out.append(f"{i.loc():<24} {i.addr:#x}  {i.code:<18} {i.text:<40} | {s}".rstrip())
        last = hi if last is None else max(last, hi)
    return "\n".join(out)


def norm(text):
    """An instruction with registers and addresses abstracted, to compare versions."""
    t = re.sub(r"^(CMP[BLQ]) (\$-?0x[0-9a-f]+), (\S+)$", r"\1 \3, \2", text)  # go1.19's operand order
    t = re.sub(r"\b(R\d+[BLW]?|[A-D][XL]|[SD]IB?|BPB?)\b", "R", t)
    t = re.sub(r"\b0x[0-9a-f]{5,}\b", "ADDR", t)
    return t


# ---- the build loop and the README ------------------------------------------------------------

def main():
    outdir, builds = sys.argv[1], sys.argv[2:]
    if not builds:
        print("usage: asm_annotate.py OUT_DIR LABEL=GO=BINARY=VARIANT ...", file=sys.stderr)
        sys.exit(2)
    os.makedirs(outdir, exist_ok=True)
    results = []
    for b in builds:
        label, go, binary, kind = b.split("=")
        goroot = subprocess.run([go, "env", "GOROOT"], capture_output=True, text=True).stdout.strip()
        gover = subprocess.run([go, "env", "GOVERSION"], capture_output=True, text=True).stdout.strip()
        src = Source(goroot)
        v = Variant(kind, src)
        funcs = {}
        for f in FUNCS:
            a = analyse(go, binary, "runtime." + f, v, src, outdir, label, f"{label}-{f}.txt")
            if a is None:
                funcs[f] = None
                continue
            a["callees"] = []
            if not a["checks"] and not a["rmws"]:
                for c in a["calls"]:
                    if c.startswith("internal/runtime/maps.") or c.startswith("runtime.map"):
                        safe = re.sub(r"[^A-Za-z0-9_.-]", "", c.split("/")[-1])
                        ca = analyse(go, binary, c, v, src, outdir, label, f"{label}-{f}.calls.{safe}.txt")
                        if ca and (ca["checks"] or ca["rmws"]):
                            a["callees"].append(ca)
            funcs[f] = a
        nm = subprocess.run([go, "tool", "nm", binary], capture_output=True, text=True).stdout
        results.append({"label": label, "go_version": gover, "variant": kind, "v": v, "src": src,
                        "funcs": funcs, "checkmapaccess": "checkmapaccess" in nm})
    write_outputs(outdir, results)


def flag_parts(a):
    """(checks, rmws, fatal sites) of a function, or of the callees that do its flag work."""
    if a is None:
        return [], [], [], None
    if a["checks"] or a["rmws"]:
        return a["checks"], a["rmws"], a["fatal_sites"], a
    for c in a.get("callees", []):
        return c["checks"], c["rmws"], c["fatal_sites"], c
    return [], [], [], None


def role_counts(a):
    checks, rmws, _, _ = flag_parts(a)
    n = lambda xs, r: sum(1 for x in xs if x.get("role") == r)
    return {"check": n(checks, "entry check") + n(checks, "check") + n(checks, "read check"),
            "set": n(rmws, "set"), "recheck": n(checks, "recheck"), "clear": n(rmws, "clear")}


def seq_text(a, k0, k1):
    return "; ".join(a["ins"][k].text for k in range(k0, k1 + 1))


def key_text(a, ks):
    return "; ".join(a["ins"][k].text for k in sorted(set(ks)))


def check_text(o, c):
    return key_text(o, [c["load"], c["k"], c["jump"]])


def rmw_text(o, x):
    return key_text(o, [x["load"], x["k"], x["store"]])


INDEX_KEY = re.compile(r"^(MOVZX|MOVBLZX|CMPQ|SHLQ|SHRQ|LEAQ -0x1\(|DECQ|ANDQ|IMULQ|ADDQ 0x10\()")


def index_text(a):
    k0, k1 = a["index"]
    return key_text(a, [k for k in range(k0, k1 + 1) if INDEX_KEY.match(a["ins"][k].text)])


def summary_cells(r):
    """Short, register-free descriptions of one build, keyed by table row."""
    v, fs = r["v"], r["funcs"]
    cells = {"flag": v.describe()}
    a = fs.get("mapassign_fast64")
    checks, rmws, _, owner = flag_parts(a)
    entry = next((c for c in checks if c["role"] == "entry check"), None)
    cells["entry"] = f"`{norm(check_text(owner, entry))}` → fatal" if entry else "not found"
    st = next((x for x in rmws if x["role"] == "set"), None)
    cells["set"] = f"`{norm(rmw_text(owner, st))}`" if st else "not found"
    rc = next((c for c in checks if c["role"] == "recheck"), None)
    cells["recheck"] = f"`{norm(check_text(owner, rc))}` → fatal when clear" if rc else "not found"
    cl = next((x for x in rmws if x["role"] == "clear"), None)
    cells["clear"] = f"`{norm(rmw_text(owner, cl))}`" if cl else "not found"
    allrmw = [x for f in fs.values() for x in flag_parts(f)[1]]
    cells["lock"] = ("LOCK on a flag write" if any(x["locked"] for x in allrmw)
                     else "none" if allrmw else "not found")
    owners = [flag_parts(f)[3] for f in fs.values()]
    fatal_fn = sorted({m.group(0)[5:] for o in owners if o for i in o["ins"]
                       for m in [FATAL_RE.search(i.text)] if m})
    cells["fatal"] = ", ".join(f"`{x}`" for x in fatal_fn) or "not found"
    rd = fs.get("mapaccess1_fast64")
    rchecks = flag_parts(rd)[0]
    rcheck = next((c for c in rchecks if c["role"] == "read check"), None)
    cells["read"] = (f"`{norm(check_text(flag_parts(rd)[3], rcheck))}` → "
                     f"fatal(\"{rcheck['msg']}\")" if rcheck else "not found")
    for f in FUNCS:
        c = role_counts(fs.get(f))
        cells["counts-" + f] = f"{c['check']} / {c['set']} / {c['recheck']} / {c['clear']}"
        a = fs.get(f)
        if a is None:
            cells["params-" + f] = "function not in the binary"
            continue
        sig = a["signature"]
        sp = a["spilled"]
        cells["params-" + f] = (f"{sig['count'] if sig else '?'} / {len(sp) if sp is not None else '?'}"
                                + (f" ({', '.join(sp)})" if sp else ""))
    d = fs.get("mapdelete_fast64")
    if d is not None:
        cells["delete"] = ("own body: checks, sets, re-checks and clears the flag itself" if d["checks"]
                           else "calls " + ", ".join(f"`{c['symbol']}`" for c in d["callees"])
                           + ", which does the flag work")
    a = fs.get("mapassign_fast64")
    if a and a["index"]:
        cells["index"] = f"`{norm(index_text(a))}`"
    else:
        cells["index"] = "not found"
    rd = fs.get("mapaccess1_fast64")
    if rd and rd["no_hash"] is not None:
        field = "dirLen" if v.kind == "swiss" else "B"
        cells["nohash"] = f"yes: `{norm(rd['ins'][rd['no_hash']].text)}` (`{field} == 0`) branches around the hasher call"
    else:
        cells["nohash"] = "not found"
    return cells


ROWS = [
    ("flag", "the writing flag"),
    ("entry", "entry check (mapassign_fast64)"),
    ("set", "set"),
    ("recheck", "check again before clearing"),
    ("clear", "clear"),
    ("lock", "LOCK prefix on a flag write (all four functions)"),
    ("fatal", "what is called"),
    ("read", "reader check (mapaccess1_fast64)"),
] + [("counts-" + f, f"`{f}`: checks / sets / re-checks / clears") for f in FUNCS] + [
    ("params-" + f, f"`{f}`: parameters, source / machine code (registers spilled before morestack)") for f in FUNCS
] + [
    ("delete", "`mapdelete_fast64`"),
    ("index", "bucket index (mapassign_fast64)"),
    ("nohash", "lookup of a one-bucket / one-group map skips hashing (mapaccess1_fast64)"),
]


def facts_checks(results):
    """The claims of shared/go-map-facts.md that the machine code can confirm or refute."""
    out = []
    classic = [r for r in results if r["variant"] != "swiss"]
    swiss = [r for r in results if r["variant"] == "swiss"]

    def verdict(ok, claim, evidence, missing=False):
        # A pattern that is not found is reported as such: it is not evidence either way.
        v = "agrees" if ok and not missing else ("pattern not found" if ok else "**disagrees**")
        out.append((v, claim, evidence))

    ok, miss, ev = True, False, []
    for r in results:
        for f in ("mapassign_fast64", "mapdelete_fast64"):
            c = role_counts(r["funcs"].get(f))
            miss |= c["check"] < 1 or c["recheck"] < 1
            ev.append(f"{r['label']} {f}: {c['check']} check(s), {c['recheck']} re-check(s)")
    verdict(ok, "`mapassign_fast64` (and `mapdelete_fast64`) check the flag on entry and again before "
            "clearing it, calling fatal(\"concurrent map writes\")", "; ".join(ev), miss)

    ok, miss, ev = True, False, []
    for r in results:
        for f in ("mapassign", "mapassign_fast64"):
            a = r["funcs"].get(f)
            sp = a["spilled"] if a else None
            sig = a["signature"] if a else None
            if sp is None or sig is None:
                miss = True
            else:
                ok &= len(sp) == 3 and sig["count"] == 3
            ev.append(f"{r['label']} {f}: {sig['count'] if sig else '?'} in the source, "
                      f"{len(sp) if sp is not None else '?'} registers spilled")
    verdict(ok, "3 parameters in every version (no 4th `bucketShift`)", "; ".join(ev), miss)

    miss, ev = False, []
    for r in classic:
        a = r["funcs"].get("mapassign_fast64")
        good = bool(a and a["index"])
        miss |= not good
        ev.append(f"{r['label']}: " + (f"`{norm(index_text(a))}`" if good else "not found"))
    verdict(True, "classic: the bucket is `hash & bucketMask(h.B)`, computed inside from B "
            "(`1 << (B & 63)`: the `& 63` is the x86 shift's own count masking, no AND is emitted)",
            "; ".join(ev), miss)

    ok, miss, ev = True, False, []
    for r in results:
        rm = [x for f in r["funcs"].values() for x in flag_parts(f)[1]]
        ok &= not any(x["locked"] for x in rm)
        roles = {(x["op"], x["role"]) for x in rm}
        if r["variant"] != "swiss":
            miss |= not (("XOR", "set") in roles and ("AND", "clear") in roles)
            ok &= not any(op == "OR" for op, _ in roles)
        else:
            miss |= not rm
            ok &= all(x["op"] == "XOR" for x in rm)
        ev.append(f"{r['label']}: " + (", ".join(sorted({f"{x['op']} ({x['role']})" for x in rm}))
                                       + (", a LOCK prefix" if any(x["locked"] for x in rm) else ", no LOCK")
                                       if rm else "no flag write found"))
    verdict(ok, "set with a plain XOR (`^= hashWriting`), cleared with a plain AND (`&^=`), no LOCK prefix; "
            "the swiss `writing` byte is toggled with XOR for both", "; ".join(ev), miss)

    ok, miss, ev = True, False, []
    for r in results:
        names = set()
        for f in r["funcs"].values():
            o = flag_parts(f)[3]
            if o:
                names |= {m.group(1) for i in o["ins"] for m in [re.match(r"^CALL (\S+)\(SB\)$", i.text)] if m}
        has_fatal = any(n.endswith(".fatal") for n in names)
        miss |= not has_fatal
        ok &= "runtime.throw" not in names or has_fatal
        ev.append(f"{r['label']}: " + (", ".join(sorted(n for n in names if n.endswith((".fatal", ".throw"))))
                                       or "no fatal call found"))
    verdict(ok, "`fatal` (not `throw`) since go1.19", "; ".join(ev), miss)

    for r in swiss:
        d = r["funcs"].get("mapdelete_fast64")
        specialized = bool(d and (d["checks"] or d["rmws"]))
        calls_delete = bool(d and any(c["symbol"].endswith("(*Map).Delete") for c in d["callees"]))
        verdict(not specialized, "swiss: `mapdelete_fast64` is not specialized, it calls the generic delete",
                f"{r['label']}: calls " + (", ".join(d["calls"]) if d else "?"), not specialized and not calls_delete)

    miss, ev = False, []
    for r in results:
        rd = r["funcs"].get("mapaccess1_fast64")
        good = bool(rd and rd["no_hash"] is not None)
        miss |= not good
        ev.append(f"{r['label']}: " + (f"`{rd['ins'][rd['no_hash']].text}`" if good else "not found"))
    verdict(True, "fast64 lookups with B = 0 (swiss: a single group) compute no hash", "; ".join(ev), miss)

    found = [r["label"] for r in results if r["checkmapaccess"]]
    verdict(not found, "no `runtime.checkmapaccess` in any version",
            ("symbol present in " + ", ".join(found)) if found else
            "`go tool nm` of every binary: no symbol containing checkmapaccess")
    out.append(("not visible", "race hooks are inline at the top of `mapassign`",
                "these binaries are built without -race: `race.Enabled` is false and the hooks are compiled out"))
    return out


def write_outputs(outdir, results):
    cells = {r["label"]: summary_cells(r) for r in results}
    labels = [r["label"] for r in results]
    L = []
    L.append("# Where Go's `concurrent map writes` fires: the machine code")
    L.append("")
    L.append("Generated by `scripts/go-anchor.sh` (`scripts/go-anchor/asm_annotate.py`); never edit by hand. "
             "Every listing beside this file is `go tool objdump -s '^SYMBOL$'` of the go-anchor binary built with:")
    L.append("")
    for r in results:
        v = r["v"]
        L.append(f"- **{r['label']}**: {r['go_version']}, {r['variant']} map; flag field parsed from "
                 f"`{v.struct_path}`: {v.describe()}" + (f"; problems: {'; '.join(v.problems)}" if v.problems else ""))
    L.append("")
    L.append("Nothing below is located by line number: the flag field's offset comes from the struct declaration in "
             "each toolchain's source, a *check* is a byte load of that field and a `TEST`/`CMPB` whose branch reaches "
             "`CALL …fatal(SB)` (fatal when set: a check; fatal when clear: the re-check before clearing), a *set* or "
             "*clear* is a load / `XOR`/`AND` immediate / `MOVB` store of the same byte. The message is named from "
             "its length loaded into BX (0x15 = 21: \"concurrent map writes\", 0x21 = 33: \"concurrent map read "
             "and map write\"); the `|` column quotes the Go source line each instruction comes from. "
             "A pattern that is not found says *not found*.")
    L.append("")
    L.append("## What differs between the versions, and what does not")
    L.append("")
    L.append("<!-- table:versions -->")
    L.append("| | " + " | ".join(labels) + " | across versions |")
    L.append("|---|" + "---|" * len(labels) + "---|")
    for key, title in ROWS:
        vals = [cells[l].get(key, "") for l in labels]
        same = "–" if len(vals) < 2 else "same in all" if len(set(vals)) == 1 else "differs"
        L.append(f"| {title} | " + " | ".join(vals) + f" | {same} |")
    L.append("<!-- /table:versions -->")
    L.append("")
    L.append("Instructions in the table have registers written `R` and absolute addresses `ADDR`, so that "
             "\"same in all\" means the same instruction sequence. In the swiss map the check is a compare of "
             "the whole `writing` byte with 0 and both the set and the clear are `XOR $1`: a second writer that "
             "toggles it back makes the first one's re-check fire (the source's comment: \"toggling increases the "
             "probability that both sides will detect the race\").")
    L.append("")
    L.append("## Checked against `shared/go-map-facts.md`")
    L.append("")
    L.append("| verdict | claim | machine code |")
    L.append("|---|---|---|")
    facts = facts_checks(results)
    for verdict, claim, ev in facts:
        L.append(f"| {verdict} | {claim} | {ev} |")
    L.append("")
    disagree = [c for v_, c, _ in facts if v_ == "**disagrees**"]
    unfound = [c for v_, c, _ in facts if v_ == "pattern not found"]
    L.append("Where the machine code disagrees with the facts file, the machine code wins: "
             + ("**" + "; ".join(disagree) + "**." if disagree else "nothing here disagrees.")
             + (" Not checked, because a pattern was not found (read the listings): " + "; ".join(unfound) + "."
                if unfound else ""))
    L.append("")
    # per version and function
    for r in results:
        src, v = r["src"], r["v"]
        L.append(f"## {r['label']} ({r['go_version']}, {r['variant']})")
        L.append("")
        for f in FUNCS:
            a = r["funcs"].get(f)
            L.append(f"### `runtime.{f}`")
            L.append("")
            if a is None:
                L.append("Not in this binary (not found by objdump).")
                L.append("")
                continue
            sig, sp = a["signature"], a["spilled"]
            L.append(f"Listing: [`{a['file']}`]({a['file']}). Source: `{sig['signature'] if sig else 'not found'}` "
                     f"in `{sig['file'] if sig else '?'}`: **{sig['count'] if sig else '?'} parameters**; the machine code "
                     f"spills {len(sp) if sp is not None else '?'} argument registers before `runtime.morestack` "
                     f"({', '.join(sp) if sp else 'none found'}).")
            L.append("")
            parts = [(a, a)] if (a["checks"] or a["rmws"]) else [(a, c) for c in a["callees"]]
            if not parts:
                L.append("No check, set, re-check or clear of the flag found, here or in the maps functions it calls.")
                L.append("")
            for _, o in parts:
                if o is not a:
                    L.append(f"No flag instruction of its own: it calls `{o['symbol']}` "
                             f"(listing [`{o['file']}`]({o['file']})), which does:")
                    L.append("")
                items = [(c["k"], "check", c) for c in o["checks"]] + [(x["k"], "rmw", x) for x in o["rmws"]]
                for _, kind, x in sorted(items, key=lambda t: t[0]):
                    if kind == "check":
                        title = {"entry check": "Entry check", "check": "Check", "read check": "Reader check",
                                 "recheck": "Check again before clearing"}[x["role"]]
                        when = "set" if x["when"] == "set" else "clear (another writer cleared or toggled it)"
                        L.append(f"**{title}**: fatal(\"{x['msg']}\") when the flag is {when}.")
                        spans = [(x["load"], x["jump"]), (x["fatal"] - 3, x["fatal"])]
                    else:
                        title = {"set": "Set", "clear": "Clear", "other": "Other write"}[x["role"]]
                        lock = "a LOCK prefix" if x["locked"] else "no LOCK prefix"
                        L.append(f"**{title}**: a plain byte read-modify-write (`{x['op']} ${x['imm']:#x}`), {lock}.")
                        spans = [(x["load"], x["store"])]
                    L.append("")
                    L.append("```")
                    L.append(excerpt(o, src, spans))
                    L.append("```")
                    L.append("")
                for role in ("entry check", "recheck", "set", "clear") if f != "mapaccess1_fast64" else ("read check",):
                    have = any(c["role"] == role for c in o["checks"]) or any(x["role"] == role for x in o["rmws"])
                    if not have:
                        L.append(f"*Not found:* {role}.")
                        L.append("")
            ia = a if a["index"] else next((c for c in a.get("callees", []) if c["index"]), None)
            if ia:
                k0, k1 = ia["index"]
                where = f" (in `{ia['symbol']}`)" if ia is not a else ""
                what = ("directory index `hash >> globalShift` (skipped when dirLen == 1), then the probe start "
                        "`h1(hash) & lengthMask` = `(hash >> 7) & mask`" if v.kind == "swiss"
                        else "`hash & bucketMask(h.B)`: `1 << B` by `SHLQ CL` (the CPU masks the count to 6 bits: "
                             "the source's `b & 63`), minus one (`LEAQ -0x1`), AND the hash")
                L.append(f"**Bucket index**{where}: {what}.")
                L.append("")
                L.append("```")
                L.append(excerpt(ia, src, [(k0, k1)]))
                L.append("```")
                L.append("")
            else:
                calls = sorted({c for x in [a] + a.get("callees", []) for c in x["calls"]
                                if c.startswith("internal/runtime/maps.") and not c.endswith(".fatal")})
                L.append("**Bucket index**: not found in this function or the maps callee annotated above"
                         + (f" (the index is computed further down: it calls {', '.join(f'`{c}`' for c in calls)})."
                            if calls else "."))
                L.append("")
            if a["no_hash"] is not None:
                k = a["no_hash"]
                L.append("**No hash for a single bucket / group**: this test branches around the hasher call.")
                L.append("")
                L.append("```")
                L.append(excerpt(a, src, [(k, k + 1)]))
                L.append("```")
                L.append("")
    text = "\n".join(L) + "\n"
    tmp = os.path.join(outdir, "README-go.md.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, os.path.join(outdir, "README-go.md"))
    # machine-readable: where each version's fatal calls are (the detection table labels fired_at with it)
    data = {}
    for r in results:
        d = {"go_version": r["go_version"], "variant": r["variant"], "flag": r["v"].describe(), "functions": {}}
        for f, a in r["funcs"].items():
            if a is None:
                continue
            sites = list(a["fatal_sites"])
            for c in a.get("callees", []):
                sites += [dict(s, via=c["symbol"]) for s in c["fatal_sites"]]
            d["functions"][f] = {"symbol": a["symbol"], "listing": a["file"], "fatal_sites": sites,
                                 "counts": role_counts(a),
                                 "params_source": a["signature"]["count"] if a["signature"] else None,
                                 "params_spilled": len(a["spilled"]) if a["spilled"] is not None else None}
        data[r["label"]] = d
    data = {"generated_by": "scripts/go-anchor/asm_annotate.py", "builds": data,
            "facts": [{"verdict": v_, "claim": c, "evidence": e} for v_, c, e in facts_checks(results)],
            "table": {l: cells[l] for l in labels}, "rows": ROWS}
    tmp = os.path.join(outdir, "go-writing-flag.json.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
        f.write("\n")
    os.replace(tmp, os.path.join(outdir, "go-writing-flag.json"))


if __name__ == "__main__":
    main()
