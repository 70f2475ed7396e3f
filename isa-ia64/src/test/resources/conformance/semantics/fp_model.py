#!/usr/bin/env python3
"""A model of the Itanium floating-point unit written from the Intel Itanium Architecture Software Developer's Manual
rev 2.3 (vol 1 chapter 5 "Floating-point Programming Model"; vol 3 for each instruction), with exact rational
arithmetic (fractions.Fraction) instead of the emulator's 192-bit integers, so that the two are independent.
Register values are (se, sig): se = sign << 17 | 17-bit exponent (bias 0xFFFF), sig = 64-bit significand with an
explicit integer bit. Used by fp_vectors.py to compute the outcome of every vector."""
from fractions import Fraction

BIAS = 0xFFFF
SPECIAL = 0x1FFFF
NATVAL = (0x1FFFE, 0)
INTEGER = 0x1003E
V, D, Z, O, U, I = 1, 2, 4, 8, 16, 32
INDEFINITE = ((1 << 17) | SPECIAL, 0xC000000000000000)
RESET_FPSR = 0x0009804c0270033f
M64 = (1 << 64) - 1


def kind(se, sig):
    """vol 1 table 5-2: nat, unsupported, inf, qnan, snan, zero, num."""
    e = se & SPECIAL
    if e == SPECIAL:
        if not sig >> 63: return 'unsupported'
        if sig == 1 << 63: return 'inf'
        return 'qnan' if sig >> 62 & 1 else 'snan'
    if sig == 0:
        return 'nat' if (se, sig) == NATVAL else 'zero'
    return 'num'


def value(se, sig):
    """The exact value of a finite register value; exponent 0 has the scale of 0xC001 (table 5-2)."""
    e = se & SPECIAL
    x = Fraction(sig) * Fraction(2) ** ((0xC001 if e == 0 else e) - BIAS - 63)
    return -x if se >> 17 & 1 else x


def denormal(se, sig):
    """Denormal / unnormal operand (D): a non-zero finite value without its integer bit, or exponent 0."""
    return kind(se, sig) == 'num' and (not sig >> 63 or se & SPECIAL == 0)


def sign(se):
    return se >> 17 & 1


class Model:
    """The computation model of vol 1 table 5-6 for status field sf of fpsr and a precision completer pc
    ('' dynamic, 's', 'd', 'x' for the fixed 64-bit / 17-bit model)."""

    def __init__(self, fpsr, sf, pc):
        f = fpsr >> (6 + 13 * sf) & 0x1fff
        self.ftz, wre, spc, self.rc, td = f & 1, f >> 1 & 1, f >> 2 & 3, f >> 4 & 3, f >> 6 & 1
        self.enabled = 0 if td else ~fpsr & 0x3f
        if pc == 's': self.p, bits = 24, 17 if wre else 8
        elif pc == 'd': self.p, bits = 53, 17 if wre else 11
        elif pc == '': self.p, bits = {0: 24, 1: 64, 2: 53, 3: 64}[spc], 17 if wre else 15
        else: self.p, bits = 64, 17
        self.emax = (1 << (bits - 1)) - 1
        self.emin = 1 - self.emax
        self.flags = 0
        self.fpa = False

    def round_int(self, q, neg):
        """q > 0 rounded to an integer by rc; returns (integer, inexact, incremented)."""
        fl = q.numerator // q.denominator
        rem = q - fl
        if rem == 0: return fl, False, False
        up = {0: rem > Fraction(1, 2) or (rem == Fraction(1, 2) and fl % 2 == 1), 1: neg, 2: not neg, 3: False}[self.rc]
        return fl + up, True, up

    def round(self, x):
        """vol 1 5.4.3: x (non-zero, exact) rounded into the model; tininess after rounding."""
        neg = x < 0
        m = -x if neg else x
        e = m.numerator.bit_length() - m.denominator.bit_length()
        if Fraction(2) ** e > m: e -= 1
        p = self.p
        q, inexact, up = self.round_int(m / Fraction(2) ** (e - p + 1), neg)
        if q == 1 << p:
            q >>= 1
            e += 1
        s = neg << 17
        if e > self.emax:
            if self.enabled & O:
                self.flags |= O | (I if inexact else 0)
                self.fpa = up
                return s | (e + BIAS) % 0x20000, q << (64 - p)
            self.flags |= O | I
            if self.rc == 0 or (self.rc == 2 and not neg) or (self.rc == 1 and neg):
                self.fpa = True
                return s | SPECIAL, 1 << 63
            return s | (self.emax + BIAS), ((1 << p) - 1) << (64 - p)
        if e < self.emin:
            if self.enabled & U:
                self.flags |= U | (I if inexact else 0)
                self.fpa = up
                return s | (e + BIAS) % 0x20000, q << (64 - p)
            if self.ftz:
                self.flags |= U | I
                return s, 0
            q2, inexact2, up2 = self.round_int(m / Fraction(2) ** (self.emin - p + 1), neg)
            if inexact2: self.flags |= U | I
            self.fpa = up2
            sig = q2 << (64 - p)
            if sig == 0: return s, 0
            return s | (self.emin + BIAS if sig >> 63 or self.emin != -16382 else 0), sig
        if inexact: self.flags |= I
        self.fpa = up
        return s | (e + BIAS), q << (64 - p)


def quiet(se, sig):
    return se, sig | 1 << 62


def fma(m, a, b, c, has_c, neg_p, neg_c):
    """vol 3 fma/fms/fnma: (-1)^neg_p a*b + (-1)^neg_c c, NaN precedence f4 (b), f2 (c), f3 (a)."""
    ka, kb, kc = kind(*a), kind(*b), kind(*c) if has_c else 'zero'
    if 'nat' in (ka, kb, kc): return NATVAL
    if 'unsupported' in (ka, kb, kc):
        m.flags |= V
        return INDEFINITE
    if 'snan' in (ka, kb, kc): m.flags |= V
    for k, x in ((kb, b), (kc, c), (ka, a)):
        if k in ('qnan', 'snan'): return quiet(*x)
    if (ka, kb) in (('inf', 'zero'), ('zero', 'inf')):
        m.flags |= V
        return INDEFINITE
    if denormal(*a) or denormal(*b) or (has_c and denormal(*c)): m.flags |= D
    pn = sign(a[0]) ^ sign(b[0]) ^ neg_p
    cn = (sign(c[0]) ^ neg_c) if has_c else 0
    if 'inf' in (ka, kb):
        if kc == 'inf' and cn != pn:
            m.flags |= V
            return INDEFINITE
        return pn << 17 | SPECIAL, 1 << 63
    if kc == 'inf': return cn << 17 | SPECIAL, 1 << 63
    pz = 'zero' in (ka, kb)
    if pz and kc == 'zero':
        z = pn if not has_c else pn if pn == cn else (m.rc == 1)
        return int(z) << 17, 0
    x = Fraction(0) if pz else value(*a) * value(*b) * (-1 if neg_p else 1)
    if has_c and kc != 'zero': x += value(*c) * (-1 if neg_c else 1)
    if x == 0: return int(m.rc == 1) << 17, 0
    return m.round(x)


def to_integer(m, a, unsigned, trunc):
    """vol 3 fcvt.fx / fcvt.fxu (.trunc)."""
    k = kind(*a)
    if k == 'nat': return NATVAL
    if k not in ('num', 'zero'):
        m.flags |= V
        return INTEGER, 1 << 63
    if denormal(*a): m.flags |= D
    if k == 'zero': return INTEGER, 0
    x = value(*a)
    neg = x < 0
    mag = -x if neg else x
    saved = m.rc
    if trunc: m.rc = 3
    q, inexact, up = m.round_int(mag, neg)
    m.rc = saved
    ok = (q == 0 or not neg) and q <= M64 if unsigned else (q <= 1 << 63 if neg else q < 1 << 63)
    if not ok:
        m.flags |= V
        return INTEGER, 1 << 63
    if inexact: m.flags |= I
    return INTEGER, (-q if neg else q) & M64


def from_integer(a):
    """vol 3 fcvt.xf: the significand as a signed integer, exactly."""
    if a == NATVAL: return NATVAL
    v = a[1] - (1 << 64) if a[1] >> 63 else a[1]
    if v == 0: return 0, 0
    neg = v < 0
    mag = -v if neg else v
    lz = 64 - mag.bit_length()
    return neg << 17 | (INTEGER - lz), mag << lz


def compare(m, a, b, signalling):
    """-1, 0, 1 or 'u' (vol 3 fcmp); V for SNaN, or any NaN when signalling; D for denormal operands."""
    ka, kb = kind(*a), kind(*b)
    if 'unsupported' in (ka, kb):
        m.flags |= V
        return 'u'
    if ka in ('qnan', 'snan') or kb in ('qnan', 'snan'):
        if signalling or 'snan' in (ka, kb): m.flags |= V
        return 'u'
    if denormal(*a) or denormal(*b): m.flags |= D

    def num(x, k):
        if k == 'inf': return float('-inf') if sign(x[0]) else float('inf')
        return Fraction(0) if k == 'zero' else value(*x)
    x, y = num(a, ka), num(b, kb)
    return (x > y) - (x < y)


def fclass_member(a, fclass9):
    """vol 3 fclass: 0x100 NaTVal, 0x080 qnan, 0x040 snan, (0x001 + | 0x002 -) & (0x004 zero, 0x008 unorm, 0x010 norm, 0x020 inf)."""
    k = kind(*a)
    if k == 'nat': return bool(fclass9 & 0x100)
    if k == 'qnan': return bool(fclass9 & 0x080)
    if k == 'snan': return bool(fclass9 & 0x040)
    if k == 'unsupported': return False
    sg = fclass9 & (2 if sign(a[0]) else 1)
    if k == 'inf': c = 0x020
    elif k == 'zero': c = 0x004 if a[0] & SPECIAL == 0 else 0x008
    else: c = 0x010 if a[1] >> 63 and a[0] & SPECIAL != 0 else 0x008
    return bool(sg and fclass9 & c)


def to_single(se, sig):
    """stfs / getf.s (vol 1 figure 5-9): exponent bit 16 and bits 6-0, 0 for unnormals, 0xFF for 0x1FFFF."""
    e = se & SPECIAL
    me = 0xff if e == SPECIAL else 0 if not sig >> 63 else (e >> 16 & 1) << 7 | e & 0x7f
    return sign(se) << 31 | me << 23 | sig >> 40 & 0x7fffff


def to_double(se, sig):
    e = se & SPECIAL
    me = 0x7ff if e == SPECIAL else 0 if not sig >> 63 else (e >> 16 & 1) << 10 | e & 0x3ff
    return sign(se) << 63 | me << 52 | sig >> 11 & ((1 << 52) - 1)


def from_single(bits):
    """ldfs / setf.s (vol 1 figure 5-7)."""
    s, e, f = bits >> 31 & 1, bits >> 23 & 0xff, bits & 0x7fffff
    if e == 0xff: return s << 17 | SPECIAL, 1 << 63 | f << 40
    if e == 0: return (s << 17, 0) if f == 0 else (s << 17 | 0xFF81, f << 40)
    return s << 17 | (e - 127 + BIAS), 1 << 63 | f << 40


def from_double(bits):
    s, e, f = bits >> 63 & 1, bits >> 52 & 0x7ff, bits & ((1 << 52) - 1)
    if e == 0x7ff: return s << 17 | SPECIAL, 1 << 63 | f << 11
    if e == 0: return (s << 17, 0) if f == 0 else (s << 17 | 0xFC01, f << 11)
    return s << 17 | (e - 1023 + BIAS), 1 << 63 | f << 11


def from_extended(sign_exp, sig):
    """ldfe (vol 1 figure 5-8): exponent e -> e - 0x3FFF + 0xFFFF, 0 stays 0, 0x7FFF -> 0x1FFFF."""
    e = sign_exp & 0x7fff
    re = SPECIAL if e == 0x7fff else 0 if e == 0 else e - 0x3fff + BIAS
    return (sign_exp >> 15 & 1) << 17 | re, sig


def to_extended(se, sig):
    e = se & SPECIAL
    me = 0x7fff if e == SPECIAL else 0 if e == 0 else (e >> 16 & 1) << 14 | e & 0x3fff
    return sign(se) << 15 | me, sig


def set_flags(fpsr, sf, flags):
    return fpsr | (flags & 0x3f) << (6 + 13 * sf + 7)


def fpsr_with(sf, ftz=0, wre=0, pc=3, rc=0, td=0, traps=0x3f, base=RESET_FPSR):
    """ar.fpsr with status field sf's controls replaced and the trap disables given."""
    ctl = ftz | wre << 1 | pc << 2 | rc << 4 | td << 6
    shift = 6 + 13 * sf
    return base & ~(0x7f << shift) & ~0x3f | ctl << shift | traps
