#!/usr/bin/env python3
"""Protection key vectors for ia64, in the format of translation_vectors.py: the protection key registers
pkr[0..15] (SDM rev 2.3 vol 2 part I 4.1.3 "Protection Keys": v bit 0, wd 1, rd 2, xd 3, key 8-31), the indirect
moves mov pkr[r3]=r2 / mov r1=pkr[r3] (vol 3 "mov - Move Indirect Register"), PSR.pk (vol 2 part I 3.3.2) and the
Instruction Key Miss (0x1800), Data Key Miss (0x1c00) and Key Permission (0x5100) faults (5.7 table 5-6, 8.3),
with ISR.x/w/r, IFA = the address and ITIR = the default translation information of the address (rr.rid as key,
rr.ps as ps; vol 2 part I chapter 8: the translation's own key is what tak returns). The main program at 0x1000
installs its IVT at 0x8000; handlers record the interruption registers and stop.
Writes protection_key.vectors next to this script."""
import os, sys, tempfile
from rse_vectors import assemble
from translation_vectors import BRK, IVA, RECORD, SETUP, PRE, insert, pte, LD, ST, at

PK_DT_ON = " ssm 0x2a000 ;;\n srlz.d ;;\n"     # PSR.ic, PSR.pk and PSR.dt
DT_ON = " ssm 0x22000 ;;\n srlz.d ;;\n"        # PSR.ic and PSR.dt, keys off
V, WD, RD, XD = 1, 2, 4, 8
ISR_X, ISR_W, ISR_R = 1 << 32, 1 << 33, 1 << 34
GE = 0x5400
def pkr(key, bits=V): return key << 8 | bits
def itir(key, ps=12): return key << 8 | ps << 2
def setpkr(*pairs):                              # (index register value, pkr value) through r4 / r5
    return ''.join(f" movl r4={i:#x} ;;\n movl r5={v:#x} ;;\n mov pkr[r4]=r5 ;;\n" for i, v in pairs) + " srlz.d ;;\n"
RECORD_PSR = RECORD.replace(BRK, "mov r25=psr ;;\n" + BRK)

CASES = []
def data(name, sec, pairs, key, access, pentry, expect, pk=True, va=0x3008, extra="", itir_v=None, ifa=0x3000):
    src = SETUP + setpkr(*pairs) + insert() + (PK_DT_ON if pk else DT_ON) + (LD if access == 'r' else ST) + BRK
    pre = PRE + f";r11={va:#x};r12={ifa:#x};r13={itir(key) if itir_v is None else itir_v:#x};r14={pentry:#x};r15=0x77;mem[0x5008]=0xabc" + extra
    CASES.append((name, sec, src, HANDLERS, pre, expect))

KEY = 0x42
OK_R, OK_W = "exit=hypercall;r10=0xabc", "exit=hypercall;mem[0x5008]=0x77"
def marked(vec):   # a handler that records, then marks its vector in r30 (every handler's break sets the same cr.iim)
    return RECORD.replace(BRK, f"movl r30={vec:#x} ;;\n" + BRK)
HANDLERS = {at(v): marked(v) for v in (0x1800, 0x1c00, 0x5100, 0x5300, 0x5000, 0x2000, 0x2800, GE, 0x0c00, 0x1000)}
RR_ITIR = 0x530    # rr0 of PRE: rid 5, ps 12
def fault(vec, isr, key=None, va=0x3008):
    return f"exit=hypercall;r30={vec:#x};r26={va:#x};r22={isr:#x};r27={RR_ITIR:#x}"

S = "vol 2 part I 4.1.3 (protection keys), 5.7 table 5-6"
# -- data key miss
data("PSR.pk = 1, no valid pkr: a load is a Data Key Miss fault (0x1c00) with ISR.r, IFA, ITIR from rr0",
     S, [], KEY, 'r', pte(0x5000), fault(0x1c00, ISR_R))
data("PSR.pk = 1, no valid pkr: a store is a Data Key Miss fault with ISR.w", S, [], KEY, 'w', pte(0x5000), fault(0x1c00, ISR_W))
data("a pkr holding the key but with v = 0 does not match: Data Key Miss", S, [(0, pkr(KEY, 0))], KEY, 'r', pte(0x5000), fault(0x1c00, ISR_R))
data("a valid pkr with a different key does not match: Data Key Miss", S, [(0, pkr(KEY + 1))], KEY, 'r', pte(0x5000), fault(0x1c00, ISR_R))
data("all implemented key bits are compared (24-bit key 0xabcdef vs pkr key 0x0bcdef): Data Key Miss",
     S + "; key width", [(0, pkr(0x0bcdef))], 0xabcdef, 'r', pte(0x5000), fault(0x1c00, ISR_R, key=0xabcdef))
data("a 24-bit key 0xabcdef held by a valid pkr: the load completes", S + "; key width", [(0, pkr(0xabcdef))], 0xabcdef, 'r', pte(0x5000), OK_R)
data("a 64 KiB translation (itir.ps 16) in a region with rr.ps 12: the Data Key Miss ITIR.ps is rr.ps, not the page's",
     S + "; vol 2 part I 8 (Data Key Miss: ITIR default translation information)", [], KEY, 'r', pte(0x0),
     fault(0x1c00, ISR_R, va=0x2f008), va=0x2f008, extra="", itir_v=KEY << 8 | 16 << 2, ifa=0x20000)
# -- valid matching key
for i in (0, 1, 7, 8, 15):
    data(f"a valid pkr[{i}] with the key and no disable bits: the load completes (fully associative search)",
         S, [(i, pkr(KEY))], KEY, 'r', pte(0x5000), OK_R)
    data(f"a valid pkr[{i}] with the key and no disable bits: the store completes", S, [(i, pkr(KEY))], KEY, 'w', pte(0x5000), OK_W)
data("several valid pkrs: the one holding the key decides (pkr[9] wd among pkr[0], pkr[15] with other keys): Key Permission on store",
     S, [(0, pkr(0x41)), (9, pkr(KEY, V | WD)), (15, pkr(0x43))], KEY, 'w', pte(0x5000), fault(0x5100, ISR_W))
data("several valid pkrs: the matching pkr[9] has only wd, so a load completes",
     S, [(0, pkr(0x41)), (9, pkr(KEY, V | WD)), (15, pkr(0x43))], KEY, 'r', pte(0x5000), OK_R)
# -- key permission
data("pkr.rd = 1: a load is a Key Permission fault (0x5100) with ISR.r", S, [(2, pkr(KEY, V | RD))], KEY, 'r', pte(0x5000), fault(0x5100, ISR_R))
data("pkr.rd = 1 does not disable writes: the store completes", S, [(2, pkr(KEY, V | RD))], KEY, 'w', pte(0x5000), OK_W)
data("pkr.wd = 1: a store is a Key Permission fault with ISR.w", S, [(3, pkr(KEY, V | WD))], KEY, 'w', pte(0x5000), fault(0x5100, ISR_W))
data("pkr.wd = 1 does not disable reads: the load completes", S, [(3, pkr(KEY, V | WD))], KEY, 'r', pte(0x5000), OK_R)
data("pkr.xd = 1 does not disable data reads", S, [(4, pkr(KEY, V | XD))], KEY, 'r', pte(0x5000), OK_R)
data("pkr.xd = 1 does not disable data writes", S, [(4, pkr(KEY, V | XD))], KEY, 'w', pte(0x5000), OK_W)
data("pkr.rd = wd = xd = 1: a load is a Key Permission fault", S, [(5, pkr(KEY, V | RD | WD | XD))], KEY, 'r', pte(0x5000), fault(0x5100, ISR_R))
# -- PSR.pk = 0
data("PSR.pk = 0 ignores keys: no valid pkr, the load completes", "vol 2 part I 4.1.3, 3.3.2 (PSR.pk)", [], KEY, 'r', pte(0x5000), OK_R, pk=False)
data("PSR.pk = 0 ignores keys: pkr.wd = 1, the store completes", "vol 2 part I 4.1.3, 3.3.2 (PSR.pk)", [(0, pkr(KEY, V | WD))], KEY, 'w', pte(0x5000), OK_W, pk=False)
data("PSR.pk = 0 ignores keys: pkr.rd = 1, the load completes", "vol 2 part I 4.1.3, 3.3.2 (PSR.pk)", [(0, pkr(KEY, V | RD))], KEY, 'r', pte(0x5000), OK_R, pk=False)
# -- priorities (5.6, interruption priorities: Page Not Present, Key Miss, Key Permission, Access Rights, Dirty-Bit, Access-Bit)
P = "vol 2 part I 5.6 (interruption priorities), 4.1.3"
data("a page with p = 0 and no matching key: Page Not Present (0x5000) comes before Key Miss", P, [], KEY, 'r', pte(0x5000, p=0), fault(0x5000, ISR_R))
data("a read-only page (ar 0) and no matching key, store: Data Key Miss comes before Data Access Rights", P, [], KEY, 'w', pte(0x5000, ar=0), fault(0x1c00, ISR_W))
data("a read-only page (ar 0) and pkr.wd, store: Key Permission comes before Data Access Rights", P, [(0, pkr(KEY, V | WD))], KEY, 'w', pte(0x5000, ar=0), fault(0x5100, ISR_W))
data("a read-only page (ar 0) with a matching key, store: Data Access Rights (0x5300)", P, [(0, pkr(KEY))], KEY, 'w', pte(0x5000, ar=0), fault(0x5300, ISR_W))
data("a page with d = 0 and pkr.wd, store: Key Permission comes before Dirty-Bit", P, [(0, pkr(KEY, V | WD))], KEY, 'w', pte(0x5000, d=0), fault(0x5100, ISR_W))
data("a page with a = 0 and no matching key, load: Data Key Miss comes before Data Access-Bit", P, [], KEY, 'r', pte(0x5000, a=0), fault(0x1c00, ISR_R))

# -- instruction fetch: itr.i maps the IVT (key 0), itc.i maps the code at 0x1080 with the key; rfi with PSR.it (and pk)
def fetch(name, pairs, key, expect, pk=True):
    ipsr = 0x1000002000 | (0x8000 if pk else 0)
    src = (SETUP + setpkr(*pairs) + " mov cr.ifa=r8 ;;\n mov cr.itir=r13 ;;\n itr.i itr[r0]=r14 ;;\n mov cr.ifa=r16 ;;\n"
           " mov cr.itir=r17 ;;\n itc.i r18 ;;\n mov cr.ipsr=r15 ;;\n mov cr.iip=r16 ;;\n rfi ;;\n.org 0x100\n adds r9=0x99,r0 ;;\n" + BRK)
    pre = PRE + f";r13=0x3c;r14={pte(0x8000, ar=3):#x};r15={ipsr:#x};r16=0x1100;r17={itir(key):#x};r18={pte(0x1000, ar=1):#x}"
    CASES.append((name, "vol 2 part I 4.1.3, 5.7 table 5-6; vol 3 rfi", src, HANDLERS, pre, expect))
def ifault(vec):
    return f"exit=hypercall;r30={vec:#x};r21=0x1100;r26=0x1100;r22={ISR_X:#x};r27={RR_ITIR:#x}"
fetch("PSR.pk = 1, no valid pkr: the fetch is an Instruction Key Miss fault (0x1800) with ISR.x, IIP = IFA = the bundle", [], KEY, ifault(0x1800))
fetch("PSR.pk = 1, a valid pkr with another key: Instruction Key Miss", [(6, pkr(KEY + 1))], KEY, ifault(0x1800))
fetch("PSR.pk = 1, pkr.xd = 1: the fetch is a Key Permission fault (0x5100) with ISR.x", [(6, pkr(KEY, V | XD))], KEY, ifault(0x5100))
fetch("PSR.pk = 1, a valid matching pkr: the code runs", [(6, pkr(KEY))], KEY, "exit=hypercall;r9=0x99")
fetch("PSR.pk = 1, pkr.rd = wd = 1 do not disable execution: the code runs", [(6, pkr(KEY, V | RD | WD))], KEY, "exit=hypercall;r9=0x99")
fetch("PSR.pk = 0: no valid pkr, the code runs", [], KEY, "exit=hypercall;r9=0x99", pk=False)
fetch("PSR.pk = 0: pkr.xd = 1 is ignored, the code runs", [(6, pkr(KEY, V | XD))], KEY, "exit=hypercall;r9=0x99", pk=False)

# -- the moves
M = "vol 3 mov (indirect), vol 2 part I 4.1.3"
def moves(name, src, pre, expect, sec=M):
    CASES.append((name, sec, SETUP + src + BRK, HANDLERS, PRE + pre, expect))
for i, v in [(0, 0), (1, 1), (5, pkr(0xffffff, V | WD | RD | XD)), (15, pkr(0x123456, V | RD)), (0x103, pkr(7))]:
    moves(f"mov pkr[r4]=r5 then mov r10=pkr[r4] reads back {v:#x} (index {i:#x}, only r4{{7:0}} names the register)",
          " mov pkr[r4]=r5 ;;\n srlz.d ;;\n mov r10=pkr[r4] ;;\n", f";r4={i:#x};r5={v:#x}", f"exit=hypercall;r10={v:#x}")
moves("registers are independent: pkr[3] and pkr[12] keep their own values",
      " mov pkr[r4]=r5 ;;\n mov pkr[r6]=r7 ;;\n srlz.d ;;\n mov r10=pkr[r4] ;;\n mov r11=pkr[r6] ;;\n",
      f";r4=3;r5={pkr(0x11):#x};r6=12;r7={pkr(0x22, V | XD):#x}", f"exit=hypercall;r10={pkr(0x11):#x};r11={pkr(0x22, V | XD):#x}")
G = "vol 3 mov (indirect): Reserved Register/Field fault; vol 2 part I 5.8 (General Exception, ISR.code 0x30)"
for v in (0x10, 0x80, 1 << 32, 1 << 63):
    moves(f"mov pkr= with reserved bits ({v:#x}): General Exception, Reserved Register/Field (ISR.code 0x30)",
          " mov pkr[r4]=r5 ;;\n", f";r4=1;r5={v:#x}", "exit=hypercall;r30=0x5400;r22=0x30", G)
for i in (16, 0x7f, 0xff):
    moves(f"mov pkr[r4]= with index {i:#x} beyond the 16 implemented registers: Reserved Register/Field",
          " mov pkr[r4]=r5 ;;\n", f";r4={i:#x};r5=1", "exit=hypercall;r30=0x5400;r22=0x30", G)
    moves(f"mov r10=pkr[r4] with index {i:#x} beyond the 16 implemented registers: Reserved Register/Field",
          " mov r10=pkr[r4] ;;\n", f";r4={i:#x}", "exit=hypercall;r30=0x5400;r22=0x30", G)
C = "vol 3 mov (indirect): privileged; vol 2 part I 5.8 (General Exception, Privileged Operation, ISR.code 0x10)"
for lvl in (1, 2, 3):
    for what, ins in (("mov pkr[r4]=r5", " mov pkr[r4]=r5 ;;\n"), ("mov r10=pkr[r4]", " mov r10=pkr[r4] ;;\n")):
        CASES.append((f"{what} at cpl {lvl}: Privileged Operation fault, the register is unchanged", C,
                      SETUP + " mov cr.ipsr=r15 ;;\n mov cr.iip=r16 ;;\n rfi ;;\n.org 0x100\n" + ins + BRK, HANDLERS,
                      PRE + f";r4=2;r5={pkr(9):#x};r10=0x5555;r15={lvl << 32 | 0x2000:#x};r16=0x1100",
                      "exit=hypercall;r30=0x5400;r22=0x10;r21=0x1100;r10=0x5555"))
# -- changes take effect on the next access (nothing stale survives in the vCPU's software TLB)
LD2 = LD.replace("ld8 r10=[r11]", "ld8 r9=[r11]")
R = "vol 2 part I 4.1.3; vol 3 mov (indirect), ssm, rsm (data serialization)"
CASES.append(("a load allowed with PSR.pk = 0, then ssm psr.pk: the same load is a Data Key Miss", R,
              SETUP + insert() + DT_ON + LD + " ssm 0x8000 ;;\n srlz.d ;;\n" + LD2 + BRK, HANDLERS,
              PRE + f";r11=0x3008;r12=0x3000;r13={itir(KEY):#x};r14={pte(0x5000):#x};mem[0x5008]=0xabc;r9=0x5555",
              "exit=hypercall;r10=0xabc;r9=0x5555;r30=0x1c00;r26=0x3008"))
CASES.append(("a load allowed by a valid pkr, then the pkr is invalidated (v = 0): the same load is a Data Key Miss", R,
              SETUP + setpkr((7, pkr(KEY))) + insert() + PK_DT_ON + LD + " mov pkr[r4]=r0 ;;\n srlz.d ;;\n" + LD2 + BRK, HANDLERS,
              PRE + f";r11=0x3008;r12=0x3000;r13={itir(KEY):#x};r14={pte(0x5000):#x};mem[0x5008]=0xabc;r9=0x5555",
              "exit=hypercall;r10=0xabc;r9=0x5555;r30=0x1c00;r26=0x3008"))
CASES.append(("a store allowed by a valid pkr, then the pkr gets wd: the next store is a Key Permission fault", R,
              SETUP + setpkr((7, pkr(KEY))) + insert() + PK_DT_ON + ST + f" movl r5={pkr(KEY, V | WD):#x} ;;\n mov pkr[r4]=r5 ;;\n srlz.d ;;\n"
              + ST.replace("r15", "r16") + BRK, HANDLERS,
              PRE + f";r11=0x3008;r12=0x3000;r13={itir(KEY):#x};r14={pte(0x5000):#x};r15=0x77;r16=0x88",
              "exit=hypercall;mem[0x5008]=0x77;r30=0x5100;r22=0x200000000"))
CASES.append(("ssm psr.pk then rsm psr.pk before the load (no valid pkr): the load completes", R,
              SETUP + insert() + PK_DT_ON + " rsm 0x8000 ;;\n srlz.d ;;\n" + LD + BRK, HANDLERS,
              PRE + f";r11=0x3008;r12=0x3000;r13={itir(KEY):#x};r14={pte(0x5000):#x};mem[0x5008]=0xabc",
              "exit=hypercall;r10=0xabc"))
# -- tak: the handler's way to the translation's key
T = "vol 3 tak; vol 2 part I 4.1.3"
for key in (0, 1, KEY, 0xabcdef):
    moves(f"tak returns the key {key:#x} of the data translation in bits 31:8", insert() + " tak r10=r11 ;;\n",
          f";r11=0x3ff8;r12=0x3000;r13={itir(key):#x};r14={pte(0x5000):#x}", f"exit=hypercall;r10={key << 8:#x}", T)
moves("tak with no matching translation returns 1", " tak r10=r11 ;;\n", ";r11=0x3000", "exit=hypercall;r10=0x1", T)
moves("tak of a translation with p = 0 returns 1", insert() + " tak r10=r11 ;;\n",
      f";r11=0x3000;r12=0x3000;r13={itir(KEY):#x};r14={pte(0x5000, p=0):#x}", "exit=hypercall;r10=0x1", T)
moves("tak ignores the instruction TLB: an itc.i translation returns 1", insert("itc.i") + " tak r10=r11 ;;\n",
      f";r11=0x3000;r12=0x3000;r13={itir(KEY):#x};r14={pte(0x5000):#x}", "exit=hypercall;r10=0x1", T)
for lvl in (1, 3):
    CASES.append((f"tak at cpl {lvl}: Privileged Operation fault", T + "; vol 2 part I 5.8",
                  SETUP + " mov cr.ipsr=r15 ;;\n mov cr.iip=r16 ;;\n rfi ;;\n.org 0x100\n tak r10=r4 ;;\n" + BRK, HANDLERS,
                  PRE + f";r4=0x3000;r10=0x5555;r15={lvl << 32 | 0x2000:#x};r16=0x1100",
                  "exit=hypercall;r30=0x5400;r22=0x10;r10=0x5555"))
# -- interruption clears PSR.pk (vol 2 part I 3.3.2 table 3-2)
CASES.append(("an interruption saves PSR.pk in IPSR and clears it (the handler runs with keys off)",
              "vol 2 part I 3.3.2 (PSR on interruption), 5.5",
              SETUP + insert() + PK_DT_ON + LD + BRK, {at(0x1c00): RECORD_PSR}, PRE + f";r11=0x3000;r12=0x3000;r13={itir(KEY):#x};r14={pte(0x5000):#x}",
              "exit=hypercall;r26=0x3000;r23=0x2a000;r25=0x20000"))

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as d, open(os.path.join(here, 'protection_key.vectors'), 'w') as out:
        out.write('# generated by protection_key_vectors.py: name | SDM rev 2.3 section | code hex at 0x1000 | presets | expected\n')
        for name, sec, src, handlers, pre, exp in CASES:
            pres = [pre] + [f"code@{a:#x}={assemble(h, d)}" for a, h in handlers.items()]
            out.write(' | '.join([name, sec, assemble(src, d), ';'.join(pres), exp]) + '\n')
    print(f'wrote {len(CASES)} protection key vectors', file=sys.stderr)

if __name__ == '__main__':
    main()
