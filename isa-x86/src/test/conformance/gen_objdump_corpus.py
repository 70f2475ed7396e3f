#!/usr/bin/env python3
"""Random-encoding objdump corpus for the x86 disassembler, one generator for the three modes.

    gen_objdump_corpus.py i386|i8086|x86-64|all [count] [--probe MAP ROWS OUT]

For every row of the opcode maps (one-byte, the x87 escapes D8-DF, 0F, 0F with each SSE mandatory prefix 66/F3/F2,
0F 38 and 0F 3A) it draws encodings with random legacy prefixes (operand and address size, segment overrides,
REP/REPNE, LOCK; REX in 64-bit mode, sometimes stray), a random ModRM byte and random SIB, displacement and
immediate bytes, and asks GNU objdump 2.40 (`objdump -D -z -b binary -m <mode>`) what they are:

  pass 1  each candidate (prefixes, opcode, 15 random bytes) is listed alone, padded with NOPs; its record is cut
          after objdump's first instruction (after the instruction that follows a "(bad)", which objdump ends
          before the bytes it looked at);
  pass 2  all records are listed back to back; a record stays only if objdump lists it as in pass 1 (the same
          instructions, starting at its first byte and ending at its last, with the same text but for numbers, as
          a branch target moves with the address); the text kept is this listing's.

The output (src/test/resources/conformance/objdump-random/<mode>.txt.gz, gzip without a time stamp, so a rerun is
byte-identical) has one line per instruction objdump printed, the record's first marked with its class:

  <map>:<row>\t<hex bytes>\t<objdump text>        first instruction of a record
  +\t<hex bytes>\t<objdump text>                  further instructions of the same record

The records sit back to back from address 0 (branch targets in the text depend on it). The seed is fixed per mode.
Rows that objdump decodes as AVX/AVX-512/XOP (VEX C4/C5 and EVEX 62 in their register forms outside 64-bit
mode and always in it, XOP 8F /1-/7) are left out: the vCPU has no AVX, and the disassembler does not name it.
"""
import gzip
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..'))
OBJDUMP = os.environ.get('OBJDUMP', 'objdump')
MODES = {
    'i386': ('i386', os.path.join(ROOT, 'isa-x86/src/test/resources/conformance/objdump-random/i386.txt.gz'), 0x1386),
    'i8086': ('i8086', os.path.join(ROOT, 'isa-x86/src/test/resources/conformance/objdump-random/i8086.txt.gz'), 0x8086),
    'x86-64': ('i386:x86-64', os.path.join(ROOT, 'isa-x86_64/src/test/resources/conformance/objdump-random/x86-64.txt.gz'), 0x8664),
}
LEGACY = [0x66, 0x67, 0xF2, 0xF3, 0xF0, 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65]
PREFIX_BYTES = set(LEGACY)
EDGE = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x81]

# Rows that the disassembler does not decode yet, by map: drawn by no mode. The 0F map's SSE cells are keyed by
# their mandatory prefix ('0f66', '0ff3', '0ff2'); '0f' is the row without one. Besides the rows not decoded at
# all (BASE: group 7 register forms, SYSCALL/SYSRET outside 64-bit mode, PREFETCHW, 3DNow!, MPX and CET of
# 0F 1A-1E, MOV TR, the SSE conversions with MMX operands, SSE3, RCPPS/RSQRTPS, PadLock, group 9, group 15 with a
# prefix (66/F3/F2 make it CLWB, RDFSBASE, PTWRITE, UMONITOR, TPAUSE ...: its random prefixes leave them out), the
# whole of 0F 3A and of 0F 38 but MOVBE/CRC32 in F0-F1), some cells are left out where objdump's "(bad)" names
# prefixes by rules not modelled yet: F3/F2 before the MMX/SSE2 integer rows and the SSE moves, 66 before EMMS,
# PEXTRW, MOVNTQ and MASKMOVQ.
BASE = '01 05 07 0d-0f 1a-1c 1e 24 26 2a 2c-2d 50 52-5f 78-7d a6-a7 c2-c3 c6-c7 d0 d6 e6 f0'
NOT_YET = {
    '0f': BASE + ' 6c-6d 73 c5 e7',
    '0f66': BASE + ' ae 12 16 2b 77 c5 e7 f7',
    '0ff3': BASE + ' ae 12-17 28-2f 60-6e 71-77 b4 c4-c5 d1-d5 d7-e5 e7-ef f1-fe',
    '0ff2': BASE + ' ae 12-17 28-2f 60-6f 71-77 7e-7f c4-c5 d1-d5 d7-e5 e7-ef f1-fe',
    '0f38': '00-ef f2-ff',
    '0f3a': '00-ff',
}
# And in 64-bit mode only: 0F 18 (binutils 2.40 reads PREFETCHIT0/1 there, taking F2/F3 and RIP-relative forms).
NOT_YET_64 = {'0f': '18', '0f66': '18', '0ff3': '18', '0ff2': '18'}


def _rows(text):
    out = set()
    for part in text.split():
        lo, _, hi = part.partition('-')
        out.update(range(int(lo, 16), int(hi or lo, 16) + 1))
    return out


NOT_YET_ROWS = {m: _rows(t) for m, t in NOT_YET.items()}
NOT_YET_64_ROWS = {m: _rows(t) for m, t in NOT_YET_64.items()}


def excluded(mode, m, op):
    long = mode == 'x86-64'
    if m == '1b':
        if op in PREFIX_BYTES or op == 0x0F or 0xD8 <= op <= 0xDF:
            return True                      # prefixes, the 0F escape, and the x87 escapes (their own class)
        if long and 0x40 <= op <= 0x4F:
            return True                      # REX prefixes
        if long and op in (0xC4, 0xC5, 0x62):
            return True                      # VEX and EVEX in 64-bit mode
        return False
    return op in NOT_YET_ROWS.get(m, ()) or (long and op in NOT_YET_64_ROWS.get(m, ()))


def vex_like(mode, data):
    """True when an instruction's bytes (after legacy prefixes and REX) start a VEX, EVEX or XOP encoding."""
    i = 0
    while i < len(data) and (data[i] in PREFIX_BYTES or (mode == 'x86-64' and 0x40 <= data[i] <= 0x4F)):
        i += 1
    if i + 1 >= len(data):
        return False
    b, nxt = data[i], data[i + 1]
    if b in (0xC4, 0xC5, 0x62):
        return mode == 'x86-64' or nxt >= 0xC0
    return b == 0x8F and (nxt >> 3) & 7 != 0


def row_of(mode, data):
    """(map, row) of an instruction's bytes, as rows() names them, or None for an x87 escape or a bare prefix."""
    i, last_mand = 0, None
    while i < len(data) and (data[i] in PREFIX_BYTES or (mode == 'x86-64' and 0x40 <= data[i] <= 0x4F)):
        if data[i] in (0x66, 0xF2, 0xF3):
            last_mand = data[i] if data[i] != 0x66 or last_mand not in (0xF2, 0xF3) else last_mand
        i += 1
    if i >= len(data):
        return None
    if data[i] != 0x0F:
        return ('1b', data[i])
    if i + 1 >= len(data):
        return None
    if data[i + 1] in (0x38, 0x3A):
        return ('0f38' if data[i + 1] == 0x38 else '0f3a', data[i + 2] if i + 2 < len(data) else 0)
    return ({None: '0f', 0x66: '0f66', 0xF3: '0ff3', 0xF2: '0ff2'}[last_mand], data[i + 1])


def modrm_filter(mode, m, op, modrm, pre=()):
    """False for the ModRM bytes that turn a row into VEX/EVEX/XOP (left out, see the module comment), and for the
    register forms of MOVBE (0F 38 F0/F1 without F2/F3) and of MFENCE/SFENCE with ModRM.rm != 0: objdump 2.40 lists those as "movbe (bad),%eax" over the
    0F byte alone (and the prefixes before it), a length no decoder shares; the CPU raises #UD for them."""
    if m == '1b' and op in (0xC4, 0xC5, 0x62) and modrm >= 0xC0:
        return False
    if m == '0f' and op == 0xAE and (0xF1 <= modrm <= 0xF7 or modrm >= 0xF9):
        return False  # MFENCE/SFENCE with ModRM.rm != 0: objdump says (bad) over two bytes, the CPU (and QEMU) fence
    if m == '0f38' and op in (0xF0, 0xF1) and modrm >= 0xC0:
        last = [p for p in pre if p in (0xF2, 0xF3)]
        if not last:
            return False
    if m == '1b' and op == 0x8F and (modrm >> 3) & 7 != 0:
        return False
    return True


PROBE = None  # (map, rows): set by --probe to draw only those rows, NOT_YET or not (to try a row before enabling it)


def rows(mode):
    if PROBE:
        return [(PROBE[0], op, 60) for op in sorted(_rows(PROBE[1]))]
    out = []
    for op in range(256):
        if not excluded(mode, '1b', op):
            out.append(('1b', op, 60))
    for esc in range(0xD8, 0xE0):
        out.append(('x87', esc, 700))
    for m in ('0f', '0f66', '0ff3', '0ff2'):
        for op in range(256):
            if op in (0x38, 0x3A) or excluded(mode, m, op):
                continue
            out.append((m, op, 60 if m == '0f' else 25))
    for m in ('0f38', '0f3a'):
        for op in range(256):
            if not excluded(mode, m, op):
                out.append((m, op, 40))
    return out


def rand_tail(rng, n):
    return [rng.choice(EDGE) if rng.random() < 0.25 else rng.randrange(256) for _ in range(n)]


# 0F rows where 66, F3 or F2 choose the instruction (the SSE cells and objdump's prefix tables): their random
# prefixes leave those out; the classes '0f66', '0ff3' and '0ff2' put theirs in front (once or more).
PREFIXED_0F = _rows('09 10-17 28-2f 50-7f ae b8 bc-bd c2-c7 d0-ff')


def candidate(rng, mode, m, op):
    long = mode == 'x86-64'
    pre = []
    k = rng.choice([0, 0, 0, 1, 1, 2, 3])
    legacy = [p for p in LEGACY if p not in (0x66, 0xF2, 0xF3)] if m.startswith('0f') and op in PREFIXED_0F else LEGACY
    for _ in range(k):
        pre.append(rng.choice(legacy))
    if m in ('0f66', '0ff3', '0ff2'):
        mand = {'0f66': 0x66, '0ff3': 0xF3, '0ff2': 0xF2}[m]
        pre.insert(rng.randrange(len(pre) + 1), mand)
    if m in ('0f38', '0f3a') and rng.random() < 0.6:
        pre.append(rng.choice([0x66, 0xF3, 0xF2, 0x66]))
    if long and rng.random() < 0.5:
        rex = 0x40 | rng.randrange(16)
        if rng.random() < 0.08 and pre:
            pre.insert(rng.randrange(len(pre)), rex)  # a REX that a legacy prefix follows: ignored
        else:
            pre.append(rex)
    opcode = {'1b': [op], 'x87': [op], '0f': [0x0F, op], '0f66': [0x0F, op], '0ff3': [0x0F, op], '0ff2': [0x0F, op],
              '0f38': [0x0F, 0x38, op], '0f3a': [0x0F, 0x3A, op]}[m]
    while True:
        modrm = rng.randrange(256)
        if m == 'x87' and rng.random() < 0.5:
            modrm = 0xC0 | rng.randrange(64)
        if modrm_filter(mode, m, op, modrm, pre):
            break
    return bytes(pre + opcode + [modrm] + rand_tail(rng, 14))


NUMBER = re.compile(r'0x[0-9a-f]+')
LINE = re.compile(r'^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*(?:\t(.*))?$')


def listing(arch, data):
    """objdump's lines of `data` as (address, bytes, text); continuation lines are merged into the one before."""
    with tempfile.NamedTemporaryFile(suffix='.bin', delete=False) as f:
        f.write(data)
        path = f.name
    try:
        out = subprocess.run([OBJDUMP, '-D', '-z', '-b', 'binary', '-m', arch, path], check=True,
                             capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    body = out.split('<.data>:\n', 1)[1]
    insns = []
    for line in body.splitlines():
        if not line.strip():
            continue
        mm = LINE.match(line)
        if not mm:
            raise SystemExit('unexpected objdump line: %r' % line)
        addr, hexes, text = int(mm.group(1), 16), bytes.fromhex(mm.group(2)), mm.group(3)
        if text is None:
            a, h, t = insns[-1]
            insns[-1] = (a, h + hexes, t)
        else:
            insns.append((addr, hexes, text))
    return insns


def by_address(insns):
    return {a: (h, t) for a, h, t in insns}


def generate(mode, count, out=None):
    arch, out_path, seed = MODES[mode]
    out_path = out or out_path
    rng = random.Random(seed)
    table = rows(mode)
    total_weight = sum(w for _, _, w in table)
    cands = []
    for m, op, w in table:
        n = max(1, round(w * count / total_weight))
        for _ in range(n):
            cands.append((m, op, candidate(rng, mode, m, op)))
    # Pass 1: each candidate in a slot of its own, NOP padded, so that objdump starts afresh at every slot.
    pad = bytes([0x90]) * 16
    slots, blob = [], bytearray()
    for m, op, c in cands:
        slots.append(len(blob))
        blob += c + pad
    ins = by_address(listing(arch, bytes(blob)))
    records = []
    for (m, op, c), s in zip(cands, slots):
        if s not in ins:
            continue
        h, t = ins[s]
        first = [(h, t)]
        end = s + len(h)
        opcode_end = len(c) - 15  # prefixes and opcode bytes: the ModRM byte follows
        if t.endswith('(bad)') and len(h) <= opcode_end:
            # objdump ended the (bad) before the ModRM byte it looked at: keep the instruction that starts there
            if end not in ins:
                continue
            h2, t2 = ins[end]
            first.append((h2, t2))
            end += len(h2)
        if end > s + len(c):
            continue
        if any(vex_like(mode, h) or (row_of(mode, h) is not None and excluded(mode, *row_of(mode, h))) for h, _ in first[1:]):
            continue  # the instruction after a (bad) is in a row left out
        records.append((m, op, b''.join(h for h, _ in first), first))
    # Pass 2: back to back; keep the records that list as they did alone in pass 1: the same instructions, whose
    # text may differ only in numbers (a branch target depends on the address). The text kept is pass 2's.
    for _ in range(12):
        blob, starts = bytearray(), []
        for r in records:
            starts.append(len(blob))
            blob += r[2]
        ins = by_address(listing(arch, bytes(blob)))
        kept = []
        for r, s in zip(records, starts):
            a, ok, now = s, True, []
            for h, t in r[3]:
                got = ins.get(a)
                if got is None or got[0] != h or NUMBER.sub('#', got[1]) != NUMBER.sub('#', t):
                    ok = False
                    break
                now.append(got)
                a += len(h)
            if ok:
                kept.append((r[0], r[1], r[2], now))
        if len(kept) == len(records):
            records = kept
            break
        records = kept
    else:
        raise SystemExit('pass 2 did not settle')
    lines = []
    for m, op, _, insns in records:
        for i, (h, t) in enumerate(insns):
            lines.append('%s\t%s\t%s' % ('%s:%02x' % (m, op) if i == 0 else '+', h.hex(), t))
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, 'wb') as f:
        with gzip.GzipFile(filename='', mode='wb', fileobj=f, mtime=0, compresslevel=9) as g:
            g.write(('\n'.join(lines) + '\n').encode())
    print('%s: %d records (%d candidates), %d lines -> %s' % (mode, len(records), len(cands), len(lines),
                                                           os.path.relpath(out_path, ROOT)))


def main():
    global PROBE
    args = sys.argv[1:]
    out = None
    if '--probe' in args:  # --probe MAP ROWS OUT: a trial corpus of those rows only, written to OUT
        i = args.index('--probe')
        PROBE, out = (args[i + 1], args[i + 2]), args[i + 3]
        del args[i:i + 4]
    mode = args[0] if args else 'all'
    count = int(args[1]) if len(args) > 1 else 125000
    for m in (MODES if mode == 'all' else [mode]):
        generate(m, count, out)


if __name__ == '__main__':
    main()
