#!/usr/bin/env python3
"""Random bundles for the ia64 conformance corpus: every template, slots with random fields under the major
opcodes the interpreter knows. objdump is the judge: generate.sh keeps only bundles whose every slot objdump
prints as an instruction form this backend implements (or as data8), so random fields test the decode masks."""
import random, re, subprocess, sys, tempfile, os

KNOWN = [re.compile(p) for p in [
    r'^(add|sub|and|andcm|or|xor) r\d+=(r\d+|-?\d+),r\d+(,1)?$',
    r'^(adds|addl) r\d+=-?\d+,r\d+$',
    r'^mov r\d+=(r\d+|-?\d+|ip|pr|b\d)$', r'^mov b\d=r\d+$', r'^mov pr=r\d+,0x[0-9a-f]+$',
    r'^shladd r\d+=r\d+,\d,r\d+$', r'^(shl|shr|shr\.u) r\d+=r\d+,(r\d+|\d+)$',
    r'^(extr|extr\.u) r\d+=r\d+,\d+,\d+$', r'^dep\.z r\d+=(r\d+|-?\d+),\d+,\d+$', r'^[sz]xt[124] r\d+=r\d+$',
    r'^cmp4?\.(eq|lt|ltu)(\.unc)? p\d+,p\d+=(r\d+|-?\d+),r\d+$',
    r'^cmp4?\.(eq|ne|lt|le|gt|ge)\.(and|or|or\.andcm) p\d+,p\d+=(r\d+|-?\d+),r\d+$', r'^tbit\.z(\.unc)? p\d+,p\d+=r\d+,\d+$',
    r'^tbit\.n?z\.(and|or|or\.andcm) p\d+,p\d+=r\d+,\d+$', r'^tnat\.n?z\.(and|or|or\.andcm) p\d+,p\d+=r\d+$',
    r'^dep r\d+=(r\d+|0|-1),r\d+,\d+,\d+$',
    r'^movl r\d+=0x[0-9a-f]+$', r'^mov\.i ar\.(pfs|lc|ec)=(r\d+|-?\d+)$', r'^mov\.i r\d+=ar\.(pfs|lc|ec)$',
    r'^ld[1248](\.acq|\.bias|\.a|\.c\.clr|\.c\.nc|\.c\.clr\.acq)?(\.nt1|\.nta)? r\d+=\[r\d+\](,(r\d+|-?\d+))?$',
    r'^st[1248](\.rel)?(\.nta)? \[r\d+\]=r\d+(,-?\d+)?$', r'^chk\.a\.(nc|clr) r\d+,0x[0-9a-f]+$', r'^invala(\.e r\d+)?$',
    r'^alloc r\d+=ar\.pfs,\d+,\d+,\d+$', r'^(flushrs|loadrs|cover|clrrrb|clrrrb\.pr|rfi|bsw\.[01])$', r'^(ssm|rsm|sum|rum) 0x[0-9a-f]+$',
    r'^mov (psr\.l|psr\.um|cr\.[a-z0-9]+)=r\d+$', r'^mov r\d+=(psr|psr\.um|cr\.[a-z0-9]+)$', r'^mov pr\.rot=0x[0-9a-f]+$',
    r'^cmpxchg[1248]\.(acq|rel)(\.nt1|\.nta)? r\d+=\[r\d+\],r\d+,ar\.ccv$', r'^xchg[1248](\.nt1|\.nta)? r\d+=\[r\d+\],r\d+$',
    r'^fetchadd[48]\.(acq|rel)(\.nt1|\.nta)? r\d+=\[r\d+\],-?\d+$',
    r'^(itc\.[id] r\d+|itr\.i itr\[r\d+\]=r\d+|itr\.d dtr\[r\d+\]=r\d+|mov rr\[r\d+\]=r\d+|mov r\d+=rr\[r\d+\]|mov pkr\[r\d+\]=r\d+|mov r\d+=pkr\[r\d+\]|tak r\d+=r\d+|ptc\.l r\d+,r\d+|ptc\.e r\d+|ptr\.[di] r\d+,r\d+|srlz\.[di]|sync\.i|mf|mf\.a|fwb)$',
    r'^mov\.m ar\.(k[0-7]|rsc|bsp|bspstore|rnat|ccv|unat|fpsr|itc)=(r\d+|-?\d+)$',
    r'^mov\.m r\d+=ar\.(k[0-7]|rsc|bsp|bspstore|rnat|ccv|unat|fpsr|itc)$',
    r'^br(\.cond|\.call|\.ret|\.cloop|\.ctop|\.cexit|\.wtop|\.wexit)?(\.(sptk|spnt|dptk|dpnt))?\.(few|many)(\.clr)? (b\d=)?(0x[0-9a-f]+|b\d)$',
    r'^brl(\.cond|\.call)?(\.(sptk|spnt|dptk|dpnt))?\.(few|many)(\.clr)? (b\d=)?0x[0-9a-f]+$',
    r'^(nop|break)\.[mifbx] 0x[0-9a-f]+$', r'^data8 (0x[0-9a-f]+|0+)$']]
TEMPLATES = [0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
             0x10, 0x11, 0x12, 0x13, 0x16, 0x17, 0x18, 0x19, 0x1c, 0x1d]
UNITS = {0x00: 'MII', 0x02: 'MII', 0x04: 'MLX', 0x08: 'MMI', 0x0a: 'MMI', 0x0c: 'MFI', 0x0e: 'MMF', 0x10: 'MIB',
         0x12: 'MBB', 0x16: 'BBB', 0x18: 'MMB', 0x1c: 'MFB'}
MAJORS = {'M': [0, 1, 4, 5, 8, 9, 0xc, 0xd, 0xe], 'I': [0, 5, 7, 8, 9, 0xc, 0xd, 0xe], 'B': [0, 1, 2, 4, 5],
          'F': [0], 'L': [None], 'X': [0, 6, 0xc, 0xd]}

def slot(unit, rnd):
    s = rnd.getrandbits(41)
    major = rnd.choice(MAJORS[unit])
    if major is None: return s
    s = (s & ((1 << 37) - 1)) | (major << 37)
    if rnd.random() < 0.5: s &= ~(0x3f << 0)          # often unpredicated
    if rnd.random() < 0.5: s &= ~(0xf << 33) | (rnd.getrandbits(1) << 36)  # often small extension fields
    return s

def bundle(rnd):
    t = rnd.choice(TEMPLATES)
    units = UNITS[t & ~1]
    v = t | slot(units[0], rnd) << 5 | slot(units[1], rnd) << 46 | slot(units[2], rnd) << 87
    return v.to_bytes(16, 'little')

def main(out_bin, count, seed):
    rnd = random.Random(seed)
    cand = [bundle(rnd) for _ in range(count)]
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, 'c.bin')
        open(p, 'wb').write(b''.join(cand))
        lines = subprocess.run(['objdump', '-D', '-b', 'binary', '-m', 'ia64', p], capture_output=True, text=True).stdout
    texts = {}
    for l in lines.splitlines():
        m = re.match(r'^ *([0-9a-f]+):\t[0-9a-f ]+\t(.*)$', l)
        if not m: continue
        t = re.sub(r'^\[[^\]]*\] *|^ *', '', m.group(2))
        t = re.sub(r'^\(p\d+\) ', '', t).removesuffix(';;')
        texts.setdefault(int(m.group(1), 16) // 16, []).append(t)
    keep = [b for i, b in enumerate(cand) if i in texts and all(any(k.match(t) for k in KNOWN) for t in texts[i])]
    open(out_bin, 'wb').write(b''.join(keep))
    print(f'{out_bin}: kept {len(keep)} of {count} random bundles', file=sys.stderr)

if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
