#!/usr/bin/env python3
"""Floating-point semantics vectors for ia64 (no QEMU exists for it): each case is one instruction (or a short
sequence) with preset registers, and the outcome computed by fp_model.py, a model written from the section each
line cites (Intel Itanium Architecture SDM rev 2.3). Writes fp.vectors (arithmetic, conversions, compares, classes,
approximations, transfers, loads and stores, status-field control) and fpdiv.vectors (the frcpa-based division
sequences compilers emit, checked against exact quotients) next to this script, in the format of rse_vectors.py:
    name | SDM section | code hex (loaded at 0x1000) | presets | expected
Assembles with ia64-linux-gnu-as (binutils-ia64-linux-gnu); fixed seed, so it rebuilds byte for byte."""
import os, random, sys, tempfile
import fp_model as fm
from rse_vectors import assemble

BRK = "break.m 0x1000 ;;"
SEED = 20261124
CODE = {}


def code(src, d):
    if src not in CODE: CODE[src] = assemble(src + "\n " + BRK, d)
    return CODE[src]


def h(v): return f"{v:#x}"


def fr_presets(regs):
    return ";".join(f"{n}={h(v[1])};{n}.se={h(v[0])}" for n, v in regs)


def fr_expect(n, v): return f"{n}={h(v[1])};{n}.se={h(v[0])}"


class Gen:
    def __init__(self, rnd):
        self.r = rnd

    def normal(self, lo=-40, hi=40, bits=64):
        r = self.r
        sig = 1 << 63 | r.getrandbits(63)
        if bits < 64: sig &= ~((1 << (64 - bits)) - 1)
        return r.getrandbits(1) << 17 | (fm.BIAS + r.randint(lo, hi)), sig

    def value(self, special=0.25):
        r = self.r
        if r.random() > special:
            return self.normal(bits=r.choice([64, 64, 53, 24, 12, 3]))
        k = r.choice(['zero', 'inf', 'qnan', 'snan', 'nat', 'den', 'unorm', 'sden', 'int', 'pzero', 'big', 'tiny', 'one'])
        s = r.getrandbits(1) << 17
        if k == 'zero': return s, 0
        if k == 'inf': return s | fm.SPECIAL, 1 << 63
        if k == 'qnan': return s | fm.SPECIAL, 0xC000000000000000 | r.getrandbits(40)
        if k == 'snan': return s | fm.SPECIAL, 1 << 63 | 1 + r.getrandbits(40)
        if k == 'nat': return fm.NATVAL
        if k == 'den': return s, r.getrandbits(62) | 1
        if k == 'unorm': return s | (fm.BIAS + r.randint(-5, 5)), r.getrandbits(60) | 1
        if k == 'sden': return s | 0xFF81, r.getrandbits(63) & ~((1 << 40) - 1) | 1 << 40
        if k == 'int': return fm.INTEGER, r.getrandbits(64)
        if k == 'pzero': return s | (fm.BIAS + 3), 0
        if k == 'big': return s | (fm.BIAS + r.choice([127, 128, 1023, 1024, 16383, 16384, 65535])), 1 << 63 | r.getrandbits(63)
        if k == 'tiny': return s | (fm.BIAS + r.choice([-126, -127, -149, -150, -1022, -1023, -1074, -16382, -16383, -16445])), 1 << 63 | r.getrandbits(63)
        return 0xFFFF, 1 << 63

    def model(self):
        """A random status field setting: (fpsr, sf)."""
        r = self.r
        sf = r.randint(0, 3)
        fpsr = fm.fpsr_with(sf, ftz=int(r.random() < 0.1), wre=r.getrandbits(1), pc=r.choice([0, 2, 3, 3]),
                            rc=r.randint(0, 3), td=int(r.random() < 0.1), traps=0x3f)
        if r.random() < 0.12: fpsr &= ~(1 << r.randint(0, 5))  # one trap enabled
        return fpsr, sf


def outcome(m, fpsr, sf, target, result, extra=""):
    """Expected text: an enabled v/d/z is a Floating-point Fault (nothing written); else the write, flags, and a
    Floating-point Trap for an enabled o/u/i (no IVT installed here, so either ends the run with that reason)."""
    faults = m.flags & (fm.V | fm.D | fm.Z) & m.enabled
    if faults:
        return f"fault=floating-point fault, ISR.code {h(faults)}"
    new = fm.set_flags(fpsr, sf, m.flags)
    exp = (fr_expect(target, result) + ";" if target else "") + f"ar.fpsr={h(new)}" + extra
    traps = m.flags & (fm.O | fm.U | fm.I) & m.enabled
    if traps:
        code = ((m.flags & (fm.O | fm.U | fm.I)) >> 3) << 11 | (1 << 14 if m.fpa else 0)
        return f"fault=floating-point trap, ISR.code {h(code)};" + exp
    return "exit=hypercall;" + exp


def arithmetic(g, d, out, n):
    forms = [("fma", "f8=f6,f7,f9", True, 0, 0), ("fms", "f8=f6,f7,f9", True, 0, 1), ("fnma", "f8=f6,f7,f9", True, 1, 0),
             ("fmpy", "f8=f6,f7", False, 0, 0), ("fnmpy", "f8=f6,f7", False, 1, 0)]
    for i in range(n):
        op, operands, has_c, neg_p, neg_c = forms[i % len(forms)]
        pc = g.r.choice(['', '', 's', 'd'])
        fpsr, sf = g.model()
        a, b, c = g.value(), g.value(), g.value()
        if g.r.random() < 0.3:  # products and sums near a rounding boundary
            b = (g.r.getrandbits(1) << 17 | fm.BIAS, 1 << 63 | (g.r.getrandbits(3) << 60 if g.r.random() < 0.5 else 0))
        m = fm.Model(fpsr, sf, pc)
        res = fm.fma(m, a, b, c, has_c, neg_p, neg_c)
        if res == fm.NATVAL: m.flags = 0
        src = f"{op}{'.' + pc if pc else ''}.s{sf} {operands}"
        pre = fr_presets([("f6", a), ("f7", b)] + ([("f9", c)] if has_c else [])) + f";ar.fpsr={h(fpsr)}"
        out.append((f"{src} #{i}", "vol 3 fma/fms/fnma; vol 1 5.2 table 5-6, 5.4.3", code(src, d), pre, outcome(m, fpsr, sf, "f8", res)))


def adds(g, d, out, n):
    """fadd / fsub / fnorm: fma with f4 = f1 (and f2 = f0 for fnorm)."""
    for i in range(n):
        op = ["fadd", "fsub", "fnorm"][i % 3]
        pc = g.r.choice(['', 's', 'd'])
        fpsr, sf = g.model()
        a, c = g.value(), g.value()
        if g.r.random() < 0.4:  # cancellation and alignment
            c = ((a[0] ^ (g.r.getrandbits(1) << 17)) & ~fm.SPECIAL | (a[0] & fm.SPECIAL) + g.r.randint(-70, 3), a[1] ^ g.r.getrandbits(6)) \
                if fm.kind(*a) == 'num' else c
        m = fm.Model(fpsr, sf, pc)
        one = (fm.BIAS, 1 << 63)
        res = fm.fma(m, a, one, c, op != "fnorm", 0, op == "fsub")
        if res == fm.NATVAL: m.flags = 0
        operands = "f8=f6" if op == "fnorm" else "f8=f6,f9"
        src = f"{op}{'.' + pc if pc else ''}.s{sf} {operands}"
        pre = fr_presets([("f6", a)] + ([] if op == "fnorm" else [("f9", c)])) + f";ar.fpsr={h(fpsr)}"
        out.append((f"{src} #{i}", "vol 3 fadd/fsub/fnorm (fma with f1); vol 1 5.4.3", code(src, d), pre, outcome(m, fpsr, sf, "f8", res)))


def conversions(g, d, out, n):
    ops = ["fcvt.fx", "fcvt.fxu", "fcvt.fx.trunc", "fcvt.fxu.trunc", "fcvt.xf"]
    for i in range(n):
        op = ops[i % 5]
        fpsr, sf = g.model()
        if op == "fcvt.xf":
            a = g.r.choice([(fm.INTEGER, g.r.getrandbits(64)), (fm.INTEGER, g.r.getrandbits(g.r.randint(1, 64))), g.value()])
            res = fm.from_integer(a)
            src = "fcvt.xf f8=f6"
            out.append((f"{src} #{i}", "vol 3 fcvt.xf", code(src, d), fr_presets([("f6", a)]), "exit=hypercall;" + fr_expect("f8", res)))
            continue
        r = g.r.random()
        if r < 0.5: a = g.r.getrandbits(1) << 17 | (fm.BIAS + g.r.randint(-3, 66)), 1 << 63 | g.r.getrandbits(63)
        elif r < 0.7: a = g.r.getrandbits(1) << 17 | (fm.BIAS + g.r.randint(-2, 12)), 1 << 63 | g.r.getrandbits(8) << 55
        else: a = g.value(0.6)
        m = fm.Model(fpsr, sf, 'x')
        res = fm.to_integer(m, a, "fxu" in op, "trunc" in op)
        if res == fm.NATVAL: m.flags = 0
        src = f"{op}.s{sf} f8=f6"
        out.append((f"{src} #{i}", "vol 3 fcvt.fx/fcvt.fxu", code(src, d), fr_presets([("f6", a)]) + f";ar.fpsr={h(fpsr)}",
                    outcome(m, fpsr, sf, "f8", res)))


def compares(g, d, out, n):
    rels = ["eq", "lt", "le", "unord"]
    for i in range(n):
        rel = rels[i % 4]
        unc = g.r.random() < 0.3
        fpsr, sf = g.model()
        a = g.value(0.4)
        b = a if g.r.random() < 0.2 else g.value(0.4)
        qp_on = g.r.random() < 0.8
        m = fm.Model(fpsr, sf, 'x')
        pr0 = 1 | (g.r.getrandbits(2) << 6)
        src = f"{'' if qp_on else '(p5) '}fcmp.{rel}{'.unc' if unc else ''}.s{sf} p6,p7=f6,f7"
        pre = fr_presets([("f6", a), ("f7", b)]) + f";ar.fpsr={h(fpsr)};pr={h(pr0)}"
        if not qp_on:
            pr = pr0 & ~0xc0 if unc else pr0
            out.append((f"{src} #{i}", "vol 3 fcmp (qp = 0; .unc clears both)", code(src, d), pre, f"exit=hypercall;pr={h(pr)};ar.fpsr={h(fpsr)}"))
            continue
        if fm.NATVAL in (a, b):
            out.append((f"{src} #{i}", "vol 3 fcmp (NaTVal clears both)", code(src, d), pre, f"exit=hypercall;pr={h(pr0 & ~0xc0)};ar.fpsr={h(fpsr)}"))
            continue
        o = fm.compare(m, a, b, rel in ("lt", "le"))
        t = {"eq": o == 0, "lt": o == -1, "le": o in (-1, 0), "unord": o == 'u'}[rel]
        pr = pr0 & ~0xc0 | (0x40 if t else 0x80)
        out.append((f"{src} #{i}", "vol 3 fcmp (relations eq, lt, le, unord; NaN operands)", code(src, d), pre,
                    outcome(m, fpsr, sf, None, None, f";pr={h(pr)}")))


def classes(g, d, out, n):
    masks = [0x1ff, 0x003, 0x100, 0x0c0, 0x080, 0x040, 0x005, 0x006, 0x009, 0x00a, 0x011, 0x012, 0x021, 0x022, 0x01f, 0x03c]
    for i in range(n):
        f9 = masks[i % len(masks)] if i % 3 else g.r.getrandbits(9)
        a = g.value(0.6)
        unc = g.r.random() < 0.3
        src = f"fclass.m{'.unc' if unc else ''} p6,p7=f6,{h(f9)}"
        # gas adds both sign bits to a mask naming classes but no sign: the model reads the mask back from the encoding
        v = int.from_bytes(bytes.fromhex(code(src, d))[:16], 'little')
        slot1 = v >> 46 & ((1 << 41) - 1)
        f9 = (slot1 >> 20 & 0x7f) << 2 | slot1 >> 33 & 3
        t = fm.fclass_member(a, f9)
        out.append((f"{src} #{i}", "vol 3 fclass (fclass9 bits)", code(src, d), fr_presets([("f6", a)]),
                    f"exit=hypercall;pr={h(1 | (0x40 if t else 0x80))}"))


def minmax(g, d, out, n):
    ops = ["fmin", "fmax", "famin", "famax"]
    for i in range(n):
        op = ops[i % 4]
        fpsr, sf = g.model()
        a, b = g.value(0.3), g.value(0.3)
        m = fm.Model(fpsr, sf, 'x')
        src = f"{op}.s{sf} f8=f6,f7"
        pre = fr_presets([("f6", a), ("f7", b)]) + f";ar.fpsr={h(fpsr)}"
        if fm.NATVAL in (a, b):
            out.append((f"{src} #{i}", "vol 3 fmin/fmax (NaTVal)", code(src, d), pre, "exit=hypercall;" + fr_expect("f8", fm.NATVAL)))
            continue
        o = fm.compare(m, a, b, True)
        if o == 'u': first = False
        elif op in ("fmin", "fmax"): first = o == (-1 if op == "fmin" else 1)
        else:
            ma, mb = (fm.value(*x) if fm.kind(*x) == 'num' else (float('inf') if fm.kind(*x) == 'inf' else 0) for x in (a, b))
            ma, mb = abs(ma), abs(mb)
            first = ma < mb if op == "famin" else ma > mb
        out.append((f"{src} #{i}", "vol 3 fmin/fmax/famin/famax", code(src, d), pre, outcome(m, fpsr, sf, "f8", a if first else b)))


def merges(g, d, out, n):
    ops = ["fmerge.s", "fmerge.ns", "fmerge.se", "fand", "fandcm", "for", "fxor", "fmix.l", "fmix.r", "fmix.lr",
           "fsxt.l", "fsxt.r", "fswap", "fswap.nl", "fswap.nr", "fpack"]
    M32 = 0xffffffff
    for i in range(n):
        op = ops[i % len(ops)]
        a, b = g.value(0.3), g.value(0.3)
        src = f"{op} f8=f6,f7"
        if fm.NATVAL in (a, b): res = fm.NATVAL
        elif op == "fmerge.s": res = (a[0] & 1 << 17 | b[0] & fm.SPECIAL, b[1])
        elif op == "fmerge.ns": res = ((a[0] ^ 1 << 17) & 1 << 17 | b[0] & fm.SPECIAL, b[1])
        elif op == "fmerge.se": res = (a[0], b[1])
        else:
            x, y = a[1], b[1]
            xh, xl, yh, yl = x >> 32, x & M32, y >> 32, y & M32
            v = {"fand": x & y, "fandcm": x & ~y & fm.M64, "for": x | y, "fxor": x ^ y, "fmix.l": xh << 32 | yh,
                 "fmix.r": xl << 32 | yl, "fmix.lr": xh << 32 | yl, "fsxt.l": (M32 << 32 if xh >> 31 else 0) | yh,
                 "fsxt.r": (M32 << 32 if xl >> 31 else 0) | yl, "fswap": xl << 32 | yh, "fswap.nl": (xl ^ 1 << 31) << 32 | yh,
                 "fswap.nr": xl << 32 | (yh ^ 1 << 31), "fpack": fm.to_single(*a) << 32 | fm.to_single(*b)}[op]
            res = (fm.INTEGER, v)
        out.append((f"{src} #{i}", f"vol 3 {op.split('.')[0]}", code(src, d), fr_presets([("f6", a), ("f7", b)]),
                    "exit=hypercall;" + fr_expect("f8", res)))


def integer_multiply(g, d, out, n):
    ops = ["xma.l", "xma.h", "xma.hu", "xmpy.l", "xmpy.h", "xmpy.hu", "fselect"]
    for i in range(n):
        op = ops[i % len(ops)]
        a, b, c = ((fm.INTEGER, g.r.choice([g.r.getrandbits(64), g.r.getrandbits(16), fm.M64, 1 << 63])) for _ in range(3))
        if g.r.random() < 0.05: a = fm.NATVAL
        has_c = not op.startswith("xmpy")
        src = f"{op} f8=f6,f7" + (",f9" if has_c else "")
        x, y, z = a[1], b[1], c[1] if has_c else 0
        if fm.NATVAL == a: res = fm.NATVAL
        elif op == "fselect": res = (fm.INTEGER, x & z | y & ~z & fm.M64)
        else:
            sx = lambda v: v - (1 << 64) if v >> 63 else v
            if op.endswith(".h"): p = sx(x) * sx(y) + sx(z)
            else: p = x * y + z
            res = (fm.INTEGER, (p if op.endswith(".l") else p >> 64) & fm.M64)
        out.append((f"{src} #{i}", "vol 3 xma/xmpy/fselect", code(src, d),
                    fr_presets([("f6", a), ("f7", b)] + ([("f9", c)] if has_c else [])), "exit=hypercall;" + fr_expect("f8", res)))


def transfers(g, d, out, n):
    for i in range(n):
        k = ["sig", "exp", "s", "d"][i % 4]
        if i % 2 == 0:
            v = g.r.choice([g.r.getrandbits(64), g.r.getrandbits(32), 0x7f800000, 0x7ff0000000000000, 0x00000001, 0x3ff0000000000000,
                            0x1ffff, 0x2ffff, 0x3fffe, 0x80000001])
            nat = g.r.random() < 0.05
            src = f"setf.{k} f8=r14"
            res = fm.NATVAL if nat else {"sig": (fm.INTEGER, v), "exp": (v & 0x3ffff, 1 << 63),
                                         "s": fm.from_single(v & 0xffffffff), "d": fm.from_double(v)}[k]
            pre = f"r14={h(v)}" + (";r15=0x100" if nat else "")
            prog = ("ld8.s r14=[r15] ;;\n " if nat else "") + src
            out.append((f"setf.{k}{' (NaT source)' if nat else ''} #{i}", "vol 3 setf; vol 1 5.1.3 figure 5-7",
                        code(prog, d), pre if not nat else "r15=0x7ffffffff000", "exit=hypercall;" + fr_expect("f8", res)))
        else:
            a = g.value(0.4)
            src = f"getf.{k} r8=f6"
            if a == fm.NATVAL:
                out.append((f"{src} #{i}", "vol 3 getf (NaTVal gives NaT)", code(src + " ;;\n tnat.nz p6,p7=r8", d),
                            fr_presets([("f6", a)]), "exit=hypercall;pr=0x41"))
                continue
            v = {"sig": a[1], "exp": a[0] & 0x3ffff, "s": fm.to_single(*a), "d": fm.to_double(*a)}[k]
            out.append((f"{src} #{i}", "vol 3 getf; vol 1 5.1.3 figure 5-9", code(src, d), fr_presets([("f6", a)]),
                        f"exit=hypercall;r8={h(v)}"))


def memory(g, d, out, n):
    for i in range(n):
        k = ["s", "d", "8", "e", ".fill"][i % 5]
        if i % 2 == 0:
            lo, hi = g.r.getrandbits(64), g.r.getrandbits(64)
            if k == "s": lo = g.r.choice([lo, 0x7f800000, 0xff800001, 0x00000001, 0x80000000, 0x7fc00000]) | (lo & ~0xffffffff)
            if k == "d": lo = g.r.choice([lo, 0x7ff0000000000000, 0x0000000000000001, 0x8000000000000000])
            if k == "e": hi = g.r.choice([hi, 0x7fff, 0x0000, 0x8000, 0x3fff, 0xbffe]) | (hi & ~0xffff)
            if k == ".fill": hi = g.r.choice([hi & 0x3ffff, 0x1fffe, 0x0ffff, 0x3ffff, hi & 0x1ffff])
            res = {"s": fm.from_single(lo & 0xffffffff), "d": fm.from_double(lo), "8": (fm.INTEGER, lo),
                   "e": fm.from_extended(hi & 0xffff, lo), ".fill": (hi & 0x3ffff, lo)}[k]
            inc = g.r.choice(["", ",16", ",r9"])
            src = f"ldf{k} f8=[r14]{inc}"
            post = 0x8000 + (16 if inc == ",16" else 0x28 if inc == ",r9" else 0)
            out.append((f"{src} #{i}", "vol 3 ldf; vol 1 5.1.3 figures 5-7, 5-8 and the spill format", code(src, d),
                        f"r14=0x8000;r9=0x28;mem[0x8000]={h(lo)};mem[0x8008]={h(hi)}",
                        "exit=hypercall;" + fr_expect("f8", res) + f";r14={h(post)}"))
        else:
            a = g.value(0.35)
            src = f"stf{'.spill' if k == '.fill' else k} [r14]=f6"
            pre = fr_presets([("f6", a)]) + ";r14=0x8000;mem[0x8000]=0x1111111111111111;mem[0x8008]=0x2222222222222222"
            if a == fm.NATVAL and k != ".fill":
                out.append((f"{src} (NaTVal) #{i}", "vol 3 stf (NaTVal: Register NaT Consumption)", code(src, d), pre,
                            "fault=Register NaT Consumption: " + src.replace("[r14]", "[r14]")))
                continue
            lo, hi = {"s": ((0x1111111111111111 & ~0xffffffff) | fm.to_single(*a), 0x2222222222222222),
                      "d": (fm.to_double(*a), 0x2222222222222222), "8": (a[1], 0x2222222222222222),
                      "e": (a[1], (0x2222222222222222 & ~0xffff) | fm.to_extended(*a)[0]), ".fill": (a[1], a[0] & 0x3ffff)}[k]
            out.append((f"{src} #{i}", "vol 3 stf; vol 1 5.1.3 figure 5-9 and the spill format", code(src, d), pre,
                        f"exit=hypercall;mem[0x8000]={h(lo)};mem[0x8008]={h(hi)}"))


def approximations(g, d, out, n):
    for i in range(n):
        sqrt = i % 2 == 1
        fpsr, sf = g.model()
        a = g.value(0.5)
        b = g.value(0.5)
        src = f"frsqrta.s{sf} f8,p6=f7" if sqrt else f"frcpa.s{sf} f8,p6=f6,f7"
        pre = fr_presets([("f6", a), ("f7", b)]) + f";ar.fpsr={h(fpsr)}"
        m = fm.Model(fpsr, sf, 'x')
        kb = fm.kind(*b)
        ka = fm.kind(*a)
        if fm.NATVAL == b or (not sqrt and fm.NATVAL == a):
            out.append((f"{src} #{i}", "vol 3 frcpa/frsqrta (NaTVal)", code(src, d), pre, "exit=hypercall;pr=0x1;" + fr_expect("f8", fm.NATVAL)))
            continue
        # Only the special operands have an architected result; finite ones are checked for p6 = 1 and accuracy
        # by the Java unit test (the approximation table is the implementation's).
        special = None
        if sqrt:
            if kb == 'unsupported': m.flags |= fm.V; special = fm.INDEFINITE
            elif kb in ('qnan', 'snan'):
                if kb == 'snan': m.flags |= fm.V
                special = fm.quiet(*b)
            elif kb == 'zero':
                if fm.denormal(*b): m.flags |= fm.D
                m.flags |= fm.Z; special = (b[0] & 1 << 17 | fm.SPECIAL, 1 << 63)
            elif fm.sign(b[0]):
                if fm.denormal(*b): m.flags |= fm.D
                m.flags |= fm.V; special = fm.INDEFINITE
            elif kb == 'inf': special = (0, 0)
        else:
            q = fm.sign(a[0]) ^ fm.sign(b[0])
            if 'unsupported' in (ka, kb): m.flags |= fm.V; special = fm.INDEFINITE
            elif ka in ('qnan', 'snan') or kb in ('qnan', 'snan'):
                if 'snan' in (ka, kb): m.flags |= fm.V
                special = fm.quiet(*a) if ka in ('qnan', 'snan') else fm.quiet(*b)
            elif (ka, kb) in (('inf', 'inf'), ('zero', 'zero')): m.flags |= fm.V; special = fm.INDEFINITE
            else:
                if fm.denormal(*a) or fm.denormal(*b): m.flags |= fm.D
                if ka == 'inf': special = (q << 17 | fm.SPECIAL, 1 << 63)
                elif kb == 'inf': special = (q << 17, 0)
                elif kb == 'zero': m.flags |= fm.Z; special = (q << 17 | fm.SPECIAL, 1 << 63)
                elif ka == 'zero': special = (q << 17, 0)
        if special is None: continue
        out.append((f"{src} #{i}", "vol 3 frcpa/frsqrta (special operands: IEEE result, p2 = 0)", code(src, d), pre,
                    outcome(m, fpsr, sf, "f8", special, ";pr=0x1")))


def status(g, d, out, n):
    for i in range(n):
        sf = g.r.randint(1, 3)
        fpsr = g.r.getrandbits(58)
        am, om = g.r.getrandbits(7), g.r.getrandbits(7)
        which = i % 3
        if which == 0:
            src = f"fsetc.s{sf} {h(am)},{h(om)}"
            ctl = ((fpsr >> 6 & 0x7f) & am | om) & 0x7f
            new = fpsr & ~(0x7f << (6 + 13 * sf)) | ctl << (6 + 13 * sf)
            out.append((f"{src} #{i}", "vol 3 fsetc", code(src, d), f"ar.fpsr={h(fpsr)}", f"exit=hypercall;ar.fpsr={h(new)}"))
        elif which == 1:
            src = f"fclrf.s{sf}"
            new = fpsr & ~(0x3f << (6 + 13 * sf + 7))
            out.append((f"{src} #{i}", "vol 3 fclrf", code(src, d), f"ar.fpsr={h(fpsr)}", f"exit=hypercall;ar.fpsr={h(new)}"))
        else:
            flags = fpsr >> (13 + 13 * sf) & 0x3f
            main = fpsr >> 13 & 0x3f
            taken = bool(flags & ~main) or bool(flags & ~fpsr & 0x3f)
            prog = f"fchkf.s{sf} 1f ;;\n adds r20=1,r0 ;;\n {BRK}\n1: adds r21=1,r0 ;;"
            out.append((f"fchkf.s{sf} #{i}", "vol 3 fchkf", code(prog, d), f"ar.fpsr={h(fpsr)}",
                        f"exit=hypercall;r20={0 if taken else 1};r21={1 if taken else 0}"))


def special_cases(d, out):
    """Hand-written cases: disabled FP registers, f0/f1 targets, traps and faults, NaTVal from ld.s."""
    out.append(("psr.dfl disables f2-f31: Disabled FP-Register fault", "vol 2 part I 3.3.2 (psr.dfl), 5.8 vector 0x5500",
                code("ssm 0x40000 ;;\n fmpy.s0 f8=f6,f7", d), "", "fault=disabled FP register (psr.dfl/dfh): fmpy.s0 f8=f6,f7"))
    out.append(("psr.dfh disables f32-f127, not f2-f31", "vol 2 part I 3.3.2 (psr.dfh)",
                code("ssm 0x80000 ;;\n fmpy.s0 f8=f6,f7", d), fr_presets([("f6", (fm.BIAS + 1, 1 << 63)), ("f7", (fm.BIAS, 1 << 63))]),
                "exit=hypercall;f8=0x8000000000000000;f8.se=0x10000"))
    out.append(("psr.dfh: fma naming f32 faults", "vol 2 part I 3.3.2 (psr.dfh)",
                code("ssm 0x80000 ;;\n fma.s0 f8=f6,f7,f32", d), "", "fault=disabled FP register (psr.dfl/dfh): fma.s0 f8=f6,f7,f32"))
    out.append(("writes to f2-f31 set psr.mfl, to f32-f127 psr.mfh", "vol 2 part I 3.3.2 (psr.mfl/mfh); vol 3 fp_update_psr",
                code("fmpy.s0 f8=f6,f7 ;;\n fmpy.s0 f40=f6,f7 ;;\n mov r8=psr", d), "", "exit=hypercall;r8=0x30"))
    out.append(("ldfd.s from an unmapped address gives NaTVal; chk.s branches", "vol 1 4.4.4; vol 3 ldf (.s), chk",
                code("ldfd.s f8=[r14] ;;\n chk.s f8,1f ;;\n adds r20=1,r0 ;;\n " + BRK + "\n1: adds r21=1,r0 ;;", d),
                "r14=0x7ffffffff000", "exit=hypercall;r21=1;r20=0;" + fr_expect("f8", fm.NATVAL)))
    out.append(("ldfd from an unmapped address without .s is no NaTVal: the run ends", "vol 3 ldf",
                code("ldfd f8=[r14]", d), "r14=0x7ffffffff000", "fault=FP load outside guest memory at 0x7ffffffff000"))
    out.append(("NaTVal in, NaTVal out, no flags", "vol 3 fma (NaTVal operand)",
                code("ldfd.s f6=[r14] ;;\n fma.s0 f8=f6,f7,f9", d), "r14=0x7ffffffff000;ar.fpsr=0x0009804c0270033f",
                "exit=hypercall;ar.fpsr=0x0009804c0270033f;" + fr_expect("f8", fm.NATVAL)))
    out.append(("ldfps loads a pair, f1 from the lower address; post-increment 8", "vol 3 ldfp",
                code("ldfps f8,f9=[r14],8", d), "r14=0x8000;mem[0x8000]=0x400000003f800000",
                "exit=hypercall;f8=0x8000000000000000;f8.se=0xffff;f9=0x8000000000000000;f9.se=0x10000;r14=0x8008"))
    out.append(("ldfpd with two odd targets is an Illegal Operation fault", "vol 3 ldfp (f1, f2 odd/even)",
                code("ldfpd f7,f9=[r8]", d), "r8=0x8000", "fault=illegal operation: f9 as a target"))
    out.append(("mov ar.fpsr, then a flag recorded in sf0", "vol 1 5.2 (flags are sticky)",
                code("mov ar.fpsr=r14 ;;\n fadd.s0 f8=f6,f7 ;;\n mov r8=ar.fpsr", d),
                f"r14={h(fm.RESET_FPSR)};" + fr_presets([("f6", (fm.BIAS, 1 << 63)), ("f7", (fm.BIAS - 70, 1 << 63))]),
                f"exit=hypercall;r8={h(fm.RESET_FPSR | 32 << 13)}"))


    out.append(("mov ar.fpsr with reserved bits 58-63 set is a Reserved Register/Field fault", "vol 1 5.2 (reserved fields)",
                code("mov ar.fpsr=r14", d), f"r14={h(fm.RESET_FPSR | 1 << 60)}",
                f"fault=reserved register field: mov to ar.fpsr {h(fm.RESET_FPSR | 1 << 60)}"))
    out.append(("mov ar.fpsr=-1 (imm8) sets reserved bits: fault", "vol 1 5.2 (reserved fields)",
                code("mov ar.fpsr=-1", d), "", "fault=reserved register field: mov to ar.fpsr 0xffffffffffffffff"))


def divisions(g, d, out, n):
    """The integer division sequence of compilers and runtimes (frcpa, then Newton-Raphson in sf1: 64-bit precision,
    17-bit exponent range), from vol 1 "Floating-point Software Assistance" and the division algorithms it refers to."""
    seq = lambda cvt_in, cvt_out: (
        f"setf.sig f8=r14\n setf.sig f9=r15 ;;\n {cvt_in} f8=f8\n {cvt_in} f9=f9 ;;\n"
        " frcpa.s1 f10,p6=f8,f9 ;;\n (p6) fmpy.s1 f11=f8,f10\n (p6) fnma.s1 f12=f9,f10,f1 ;;\n"
        " (p6) fma.s1 f11=f12,f11,f11\n (p6) fmpy.s1 f13=f12,f12 ;;\n (p6) fma.s1 f10=f12,f10,f10\n"
        " (p6) fma.s1 f11=f13,f11,f11 ;;\n (p6) fma.s1 f10=f13,f10,f10\n (p6) fnma.s1 f12=f9,f11,f8 ;;\n"
        f" (p6) fma.s1 f10=f12,f10,f11 ;;\n {cvt_out} f10=f10 ;;\n getf.sig r8=f10 ;;")
    signed = seq("fcvt.xf", "fcvt.fx.trunc.s1")
    unsigned = seq("fcvt.xuf.s1", "fcvt.fxu.trunc.s1")
    for i in range(n):
        uns = i % 2 == 1
        r = g.r.random()
        bits_a = g.r.choice([64, 63, 48, 32, 16, 8])
        bits_b = g.r.choice([64, 40, 32, 17, 8, 3, 1])
        a = g.r.getrandbits(bits_a)
        b = g.r.getrandbits(bits_b) or 1
        if r < 0.1: a, b = (1 << 64) - 1, g.r.choice([1, 2, 3, (1 << 64) - 1, (1 << 63) + 1])
        if not uns:
            sa = a - (1 << 64) if a >> 63 else a
            sb = b - (1 << 64) if b >> 63 else b
            if sa == -(1 << 63) and sb == -1: continue
            if g.r.random() < 0.5: sb = -sb if sb != -(1 << 63) else sb
            if g.r.random() < 0.5: sa = -sa if sa != -(1 << 63) else sa
            q = abs(sa) // abs(sb) * (1 if (sa < 0) == (sb < 0) else -1)
            a, b, res = sa & fm.M64, sb & fm.M64, q & fm.M64
        else:
            res = a // b
        out.append((f"{'unsigned' if uns else 'signed'} 64-bit division {a:#x} / {b:#x}",
                     "vol 3 frcpa, fma, fnma, fcvt.fx.trunc: division by Newton-Raphson refinement in sf1 (64-bit precision, wre)",
                     code(unsigned if uns else signed, d), f"r14={h(a)};r15={h(b)}", f"exit=hypercall;r8={h(res)}"))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    g = Gen(random.Random(SEED))
    main_cases, div_cases = [], []
    with tempfile.TemporaryDirectory() as d:
        arithmetic(g, d, main_cases, 1500)
        adds(g, d, main_cases, 450)
        conversions(g, d, main_cases, 400)
        compares(g, d, main_cases, 400)
        classes(g, d, main_cases, 200)
        minmax(g, d, main_cases, 160)
        merges(g, d, main_cases, 160)
        integer_multiply(g, d, main_cases, 140)
        transfers(g, d, main_cases, 200)
        memory(g, d, main_cases, 200)
        approximations(g, d, main_cases, 300)
        status(g, d, main_cases, 90)
        special_cases(d, main_cases)
        divisions(g, d, div_cases, 300)
    for name, cases in (("fp", main_cases), ("fpdiv", div_cases)):
        with open(os.path.join(here, name + ".vectors"), "w") as out:
            out.write(f"# generated by fp_vectors.py: name | SDM rev 2.3 section | code hex at 0x1000 | presets | expected\n")
            for c in cases: out.write(" | ".join(c) + "\n")
        print(f"wrote {len(cases)} {name} vectors", file=sys.stderr)


if __name__ == "__main__":
    main()
