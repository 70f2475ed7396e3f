#!/usr/bin/env python3
"""The integer multimedia subset and the 32-bit pointer forms for ia64: padd, psub, pavg, pavgsub, pcmp, pshladd2,
pshradd2, pmpy2, pmpyshr2, pmin, pmax, psad1, pshl, pshr, mix, mux1, mux2, pack, unpack, czx, popcnt, shrp, addp4,
shladdp4 and lfetch. Outcomes from the SDM rev 2.3 vol 3 instruction pages (each line names its page), computed here
lane by lane. Writes multimedia.vectors next to this script, in the format of rse_vectors.py. Fixed seed."""
import os, random, sys, tempfile
from rse_vectors import assemble

BRK = "break.m 0x1000 ;;"
M64 = (1 << 64) - 1
CODE = {}

def code(src, d):
    if src not in CODE: CODE[src] = assemble(src + " ;;\n " + BRK, d)
    return CODE[src]

def lanes(v, n): return [(v >> (8 * n * i)) & ((1 << 8 * n) - 1) for i in range(8 // n)]
def slanes(v, n): return [x - (1 << 8 * n) if x >> (8 * n - 1) else x for x in lanes(v, n)]
def join(xs, n): return sum((x & ((1 << 8 * n) - 1)) << (8 * n * i) for i, x in enumerate(xs))
def ssat(x, n): return max(-(1 << 8 * n - 1), min((1 << 8 * n - 1) - 1, x))
def usat(x, n): return max(0, min((1 << 8 * n) - 1, x))

def padd(x, y, n, sat, sub=False):
    op = (lambda a, b: a - b) if sub else (lambda a, b: a + b)
    if sat == "": return join([op(a, b) for a, b in zip(lanes(x, n), lanes(y, n))], n)
    if sat == ".sss": return join([ssat(op(a, b), n) for a, b in zip(slanes(x, n), slanes(y, n))], n)
    if sat == ".uuu": return join([usat(op(a, b), n) for a, b in zip(lanes(x, n), lanes(y, n))], n)
    return join([usat(op(a, b), n) for a, b in zip(lanes(x, n), slanes(y, n))], n)  # .uus

def pavg(x, y, n, raz):
    return join([(a + b + 1) >> 1 if raz else ((a + b) >> 1) | ((a + b) & 1) for a, b in zip(lanes(x, n), lanes(y, n))], n)

def pavgsub(x, y, n): return join([((a - b) >> 1) | ((a - b) & 1) for a, b in zip(lanes(x, n), lanes(y, n))], n)

def pcmp(x, y, n, rel):
    if rel == "eq": return join([-1 if a == b else 0 for a, b in zip(lanes(x, n), lanes(y, n))], n)
    return join([-1 if a > b else 0 for a, b in zip(slanes(x, n), slanes(y, n))], n)

def pshladd(x, y, c): return join([ssat(ssat(a << c, 2) + b, 2) for a, b in zip(slanes(x, 2), slanes(y, 2))], 2)
def pshradd(x, y, c): return join([ssat((a >> c) + b, 2) for a, b in zip(slanes(x, 2), slanes(y, 2))], 2)

def pmpy2(x, y, left):
    a, b = slanes(x, 2), slanes(y, 2); k = 1 if left else 0
    return join([a[k] * b[k], a[k + 2] * b[k + 2]], 4)

def pmpyshr2(x, y, c, u):
    a, b = (lanes(x, 2), lanes(y, 2)) if u else (slanes(x, 2), slanes(y, 2))
    return join([(p * q) >> c for p, q in zip(a, b)], 2)

def pminmax(x, y, op):
    if op == "psad1": return sum(abs(a - b) for a, b in zip(lanes(x, 1), lanes(y, 1)))
    f = min if "min" in op else max
    n, get = (1, lanes) if op.endswith("1.u") else (2, slanes)
    return join([f(a, b) for a, b in zip(get(x, n), get(y, n))], n)

def pshift(x, cnt, n, kind):
    w = 8 * n; k = min(cnt, w)
    if kind == "pshl": return join([0 if k >= w else a << k for a in lanes(x, n)], n)
    if kind == "pshr": return join([a >> min(k, w - 1) for a in slanes(x, n)], n)
    return join([0 if k >= w else a >> k for a in lanes(x, n)], n)

def mix(x, y, n, left):
    a, b = lanes(x, n), lanes(y, n); o = 1 if left else 0; r = []
    for i in range(0, 8 // n, 2): r += [b[i + o], a[i + o]]
    return join(r, n)

def unpack(x, y, n, high):
    a, b = lanes(x, n), lanes(y, n); m = 8 // n; f = m // 2 if high else 0; r = []
    for i in range(m // 2): r += [b[f + i], a[f + i]]
    return join(r, n)

def pack(x, y, n, uss):
    s = (lambda v: usat(v, n // 2)) if uss else (lambda v: ssat(v, n // 2))
    return join([s(v) for v in slanes(x, n)] + [s(v) for v in slanes(y, n)], n // 2)

MUX1 = {"@brcst": [0] * 8, "@mix": [0, 4, 2, 6, 1, 5, 3, 7], "@shuf": [0, 4, 1, 5, 2, 6, 3, 7],
        "@alt": [0, 2, 4, 6, 1, 3, 5, 7], "@rev": [7, 6, 5, 4, 3, 2, 1, 0]}
def mux1(x, t): a = lanes(x, 1); return join([a[j] for j in MUX1[t]], 1)
def mux2(x, t): a = lanes(x, 2); return join([a[(t >> 2 * i) & 3] for i in range(4)], 2)

def czx(x, n, left):
    a = lanes(x, n); m = len(a)
    order = list(range(m - 1, -1, -1)) if left else list(range(m))
    for i, j in enumerate(order):
        if a[j] == 0: return i
    return m

def shrp(x, y, c): return ((x << 64 | y) >> c) & M64
def addp4(a, b): return ((a + b) & 0xffffffff) | ((b >> 30) & 3) << 61

def operand(r):
    """Random 64-bit values, often with lanes at the saturation edges."""
    k = r.random()
    if k < 0.5: return r.getrandbits(64)
    edge = [0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x81]
    if k < 0.7: return join([r.choice(edge) for _ in range(8)], 1)
    e2 = [0, 1, 0x7fff, 0x8000, 0xffff, 0xfffe, 0x8001, 0x00ff, 0xff00]
    if k < 0.9: return join([r.choice(e2) for _ in range(4)], 2)
    return join([r.choice([0, 1, 0x7fffffff, 0x80000000, 0xffffffff]) for _ in range(2)], 4)

def main():
    r = random.Random(20261126)
    here = os.path.dirname(os.path.abspath(__file__))
    cases = []
    def case(src, sec, fn, per=20, regs=2, pre="", name=None):
        with_b = regs == 2
        for i in range(per):
            x, y = operand(r), operand(r)
            want = fn(x, y) & M64
            p = f"r14={x:#x}" + (f";r15={y:#x}" if with_b else "") + pre
            cases.append((f"{name or src} #{i}", sec, code(src, d), p, f"exit=hypercall;r8={want:#x}"))
    with tempfile.TemporaryDirectory() as d:
        for n in (1, 2, 4):
            for sat in (["", ".sss", ".uus", ".uuu"] if n < 4 else [""]):
                case(f"padd{n}{sat} r8=r14,r15", "vol 3 padd", lambda x, y, n=n, s=sat: padd(x, y, n, s))
                case(f"psub{n}{sat} r8=r14,r15", "vol 3 psub", lambda x, y, n=n, s=sat: padd(x, y, n, s, True))
            for rel in ("eq", "gt"):
                case(f"pcmp{n}.{rel} r8=r14,r15", "vol 3 pcmp", lambda x, y, n=n, rel=rel: pcmp(x, y, n, rel))
            if n < 4:
                case(f"pavg{n} r8=r14,r15", "vol 3 pavg (lsb = OR of the two low sum bits)", lambda x, y, n=n: pavg(x, y, n, False))
                case(f"pavg{n}.raz r8=r14,r15", "vol 3 pavg (.raz: round away from zero)", lambda x, y, n=n: pavg(x, y, n, True))
                case(f"pavgsub{n} r8=r14,r15", "vol 3 pavgsub", lambda x, y, n=n: pavgsub(x, y, n))
            for left in (True, False):
                case(f"mix{n}.{'l' if left else 'r'} r8=r14,r15", "vol 3 mix", lambda x, y, n=n, l=left: mix(x, y, n, l))
                case(f"unpack{n}.{'h' if left else 'l'} r8=r14,r15", "vol 3 unpack", lambda x, y, n=n, l=left: unpack(x, y, n, l))
        for c in (1, 2, 3):
            case(f"pshladd2 r8=r14,{c},r15", "vol 3 pshladd", lambda x, y, c=c: pshladd(x, y, c))
            case(f"pshradd2 r8=r14,{c},r15", "vol 3 pshradd", lambda x, y, c=c: pshradd(x, y, c))
        for left in (True, False):
            case(f"pmpy2.{'l' if left else 'r'} r8=r14,r15", "vol 3 pmpy", lambda x, y, l=left: pmpy2(x, y, l))
        for c in (0, 7, 15, 16):
            case(f"pmpyshr2 r8=r14,r15,{c}", "vol 3 pmpyshr", lambda x, y, c=c: pmpyshr2(x, y, c, False))
            case(f"pmpyshr2.u r8=r14,r15,{c}", "vol 3 pmpyshr", lambda x, y, c=c: pmpyshr2(x, y, c, True))
        for op in ("pmin1.u", "pmax1.u", "pmin2", "pmax2", "psad1"):
            case(f"{op} r8=r14,r15", f"vol 3 {op[:4]}", lambda x, y, op=op: pminmax(x, y, op))
        for uss, n in ((False, 2), (True, 2), (False, 4)):
            case(f"pack{n}.{'uss' if uss else 'sss'} r8=r14,r15", "vol 3 pack", lambda x, y, n=n, u=uss: pack(x, y, n, u))
        for n in (2, 4):
            for kind in ("pshl", "pshr", "pshr.u"):
                name = kind.replace("pshr.u", f"pshr{n}.u").replace("pshl", f"pshl{n}") if kind != "pshr" else f"pshr{n}"
                for cnt in sorted({0, 1, 3, 7, n * 8 - 1, min(n * 8, 31), 31}):
                    case(f"{name} r8=r14,{cnt}", f"vol 3 {kind[:4]} (count5)", lambda x, y, n=n, k=kind, c=cnt: pshift(x, c, n, k), per=4, regs=1)
                for cnt in (0, 5, n * 8 - 1, n * 8, n * 8 + 1, 200, M64):
                    case(f"{name} r8=r14,r15", f"vol 3 {kind[:4]} (count in GR, clamped)", lambda x, y, n=n, k=kind, c=cnt: pshift(x, c, n, k),
                         per=4, regs=1, pre=f";r15={cnt:#x}", name=f"{name} r8=r14,r15 (count {cnt:#x})")
        for t in MUX1:
            case(f"mux1 r8=r14,{t}", "vol 3 mux (mux1)", lambda x, y, t=t: mux1(x, t), per=12, regs=1)
        for t in (0x00, 0x1b, 0xe4, 0xff, 0x4e, 0xb1, 0x39, 0x93):
            case(f"mux2 r8=r14,{t:#x}", "vol 3 mux (mux2)", lambda x, y, t=t: mux2(x, t), per=8, regs=1)
        for n in (1, 2):
            for left in (True, False):
                src = f"czx{n}.{'l' if left else 'r'} r8=r14"
                for i in range(40):
                    x = operand(r)
                    if i % 2: x &= ~(((1 << 8 * n) - 1) << (8 * n * r.randrange(8 // n))) & M64
                    cases.append((f"{src} #{i}", "vol 3 czx", code(src, d), f"r14={x:#x}", f"exit=hypercall;r8={czx(x, n, left):#x}"))
        case("popcnt r8=r14", "vol 3 popcnt", lambda x, y: bin(x).count("1"), per=40, regs=1)
        for c in (0, 1, 7, 31, 32, 33, 63):
            case(f"shrp r8=r14,r15,{c}", "vol 3 shrp", lambda x, y, c=c: shrp(x, y, c), per=8)
        case("addp4 r8=r14,r15", "vol 3 addp4 (A1)", lambda x, y: addp4(x, y), per=40)
        for imm in (0, 1, -1, 8191, -8192, 100):
            case(f"addp4 r8={imm},r15", "vol 3 addp4 (A4: imm14 sign-extended)", lambda x, y, i=imm: addp4(i & M64, y), per=8)
        for c in (1, 2, 3, 4):
            case(f"shladdp4 r8=r14,{c},r15", "vol 3 shladdp4", lambda x, y, c=c: addp4((x << c) & M64, y), per=10)
        # lfetch: no memory access, no fault even on an unmapped or NaT-free wild address; post-increment updates r3
        for t in ("", ".excl", ".fault", ".fault.excl"):
            for h in ("", ".nt1", ".nt2", ".nta"):
                for i in range(3):
                    a, inc = r.getrandbits(64), r.randrange(-256, 256)
                    cases.append((f"lfetch{t}{h} [r14],{inc}", "vol 3 lfetch (M15: base += imm9; no access, no fault)",
                                  code(f"lfetch{t}{h} [r14],{inc}", d), f"r14={a:#x}", f"exit=hypercall;r14={(a + inc) & M64:#x}"))
                    b = r.getrandbits(64)
                    cases.append((f"lfetch{t}{h} [r14],r15 #{i}", "vol 3 lfetch (M14: base += GR r2; no access, no fault)",
                                  code(f"lfetch{t}{h} [r14],r15", d), f"r14={a:#x};r15={b:#x}", f"exit=hypercall;r14={(a + b) & M64:#x}"))
                    cases.append((f"lfetch{t}{h} [r14] #{i}", "vol 3 lfetch (M13: base unchanged; no access, no fault)",
                                  code(f"lfetch{t}{h} [r14] ;;\n mov r8=r14", d), f"r14={a:#x}", f"exit=hypercall;r8={a:#x};r14={a:#x}"))
        # NaT propagation: a NaT source makes a NaT result (tnat.nz sets p6)
        for src in ("padd1 r8=r14,r15", "pmpy2.r r8=r15,r14", "mux1 r8=r14,@rev", "popcnt r8=r14", "shrp r8=r15,r14,3",
                    "addp4 r8=r15,r14", "pshl2 r8=r15,r14", "czx1.l r8=r14", "mix1.l r8=r15,r14"):
            prog = f"ld8.s r14=[r9] ;;\n {src} ;;\n tnat.nz p6,p7=r8"
            cases.append((f"{src} with a NaT source", "vol 1 4.4.4; vol 3 " + src.split()[0].split('.')[0] + " (NaT propagation)",
                          code(prog, d), "r9=0x7ffffffff000;r15=0x55;pr=0x1", "exit=hypercall;pr=0x41"))
    with open(os.path.join(here, "multimedia.vectors"), "w") as out:
        out.write("# generated by multimedia_vectors.py: name | SDM rev 2.3 section | code hex at 0x1000 | presets | expected\n")
        for c in cases: out.write(" | ".join(c) + "\n")
    print(f"wrote {len(cases)} multimedia vectors", file=sys.stderr)

if __name__ == "__main__":
    main()
