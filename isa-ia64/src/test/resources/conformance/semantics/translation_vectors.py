#!/usr/bin/env python3
"""Region-based translation vectors for ia64, in the format of rse_vectors.py: region registers, TLB inserts
and purges, the short-format VHPT walker and the translation faults, each expectation from the SDM rev 2.3
vol 2 part I chapter 4 (4.1 TLB and insertion format, 4.1.5 VHPT, table 4-? access rights) and 5.7 (vectors).
The main program at 0x1000 installs its IVT at 0x8000; handlers record the interruption registers and stop.
Writes translation.vectors next to this script."""
import os, sys, tempfile
from rse_vectors import assemble

BRK = "break.m 0x1000 ;;"
IVA = 0x8000
RECORD = ("mov r20=cr.iim ;;\n mov r21=cr.iip ;;\n mov r22=cr.isr ;;\n mov r23=cr.ipsr ;;\n mov r26=cr.ifa ;;\n"
          " mov r27=cr.itir ;;\n mov r28=cr.iha ;;\n" + BRK)
SETUP = "mov cr.iva=r8 ;;\n mov rr[r0]=r9 ;;\n"
PRE = f"r8={IVA:#x};r9=0x530"          # rr0: rid 5, ps 12 (4 KiB), VHPT off
DT_ON = " ssm 0x22000 ;;\n srlz.d ;;\n"  # PSR.ic and PSR.dt
def insert(kind="itc.d", reg="r14"):     # cr.ifa=r12, cr.itir=r13, then the insert of r14
    return f" mov cr.ifa=r12 ;;\n mov cr.itir=r13 ;;\n {kind} {reg} ;;\n"
def pte(ppn, ar=2, pl=0, p=1, a=1, d=1):
    return p | a << 5 | d << 6 | pl << 7 | ar << 9 | ppn
LD = "{ .mii\n ld8 r10=[r11]\n nop.i 0\n nop.i 0 ;;\n}\n"
ST = "{ .mii\n st8 [r11]=r15\n nop.i 0\n nop.i 0 ;;\n}\n"
def at(v): return IVA + v

CASES = [
    ("a data access with PSR.dt = 1 and no translation, VHPT off: Alternate Data TLB fault (0x1000) with IFA, ITIR from rr",
     "vol 2 part I 4.1, 5.7 table 5-6; ISR.r",
     SETUP + DT_ON + LD + BRK, {at(0x1000): RECORD}, PRE + ";r11=0x3000",
     "exit=hypercall;r26=0x3000;r22=0x400000000;r27=0x530;r21=0x1020"),
    ("itc.d inserts a 4 KiB translation: loads and stores reach its frame",
     "vol 2 part I 4.1.1 (insertion format); vol 3 itc",
     SETUP + insert() + DT_ON + LD + ST + BRK, {at(0x1000): RECORD},
     PRE + f";r11=0x3008;r12=0x3000;r13=0x30;r14={pte(0x5000):#x};r15=0x77;mem[0x5008]=0xabc",
     "exit=hypercall;r10=0xabc;mem[0x5008]=0x77"),
    ("a 64 KiB page maps the offset below 2^ps",
     "vol 2 part I 4.1.1 (page sizes via itir.ps)",
     SETUP + insert() + DT_ON + LD + BRK, {at(0x1000): RECORD},
     PRE + f";r11=0x2f008;r12=0x20000;r13=0x40;r14={pte(0x0):#x};mem[0xf008]=0x1234",
     "exit=hypercall;r10=0x1234"),
    ("a translation with p = 0: Page Not Present fault (0x5000)",
     "vol 2 part I 4.1.1, 5.7",
     SETUP + insert() + DT_ON + LD + BRK, {at(0x5000): RECORD},
     PRE + f";r11=0x3008;r12=0x3000;r13=0x30;r14={pte(0x5000, p=0):#x}",
     "exit=hypercall;r26=0x3008;r22=0x400000000"),
    ("a store to a page with d = 0: Dirty-Bit fault (0x2000), ISR.w",
     "vol 2 part I 4.1.1, 5.7",
     SETUP + insert() + DT_ON + ST + BRK, {at(0x2000): RECORD},
     PRE + f";r11=0x3010;r12=0x3000;r13=0x30;r14={pte(0x5000, d=0):#x};r15=1",
     "exit=hypercall;r26=0x3010;r22=0x200000000;mem[0x5010]=0x0"),
    ("a load from a page with a = 0: Data Access-Bit fault (0x2800)",
     "vol 2 part I 4.1.1, 5.7",
     SETUP + insert() + DT_ON + LD + BRK, {at(0x2800): RECORD},
     PRE + f";r11=0x3000;r12=0x3000;r13=0x30;r14={pte(0x5000, a=0):#x}",
     "exit=hypercall;r26=0x3000;r22=0x400000000"),
    ("a store to a read-only page (ar 0): Data Access Rights fault (0x5300)",
     "vol 2 part I 4.1.? table (page access rights), 5.7",
     SETUP + insert() + DT_ON + ST + BRK, {at(0x5300): RECORD},
     PRE + f";r11=0x3018;r12=0x3000;r13=0x30;r14={pte(0x5000, ar=0):#x};r15=1",
     "exit=hypercall;r26=0x3018;r22=0x200000000"),
    ("ptc.l purges the translation: the next access misses",
     "vol 3 ptc.l",
     SETUP + insert() + " ptc.l r12,r13 ;;\n" + DT_ON + LD + BRK, {at(0x1000): RECORD},
     PRE + f";r11=0x3000;r12=0x3000;r13=0x30;r14={pte(0x5000):#x}",
     "exit=hypercall;r26=0x3000"),
    ("ptc.e empties the translation cache but not the translation registers",
     "vol 3 ptc.e, itr",
     SETUP + insert("itr.d dtr[r0]=") .replace("itr.d dtr[r0]= r14", "itr.d dtr[r0]=r14") +
     " mov cr.ifa=r16 ;;\n itc.d r14 ;;\n ptc.e r0 ;;\n" + DT_ON + LD + " mov r11=r16 ;;\n" + LD + BRK, {at(0x1000): RECORD},
     PRE + f";r11=0x3000;r12=0x3000;r13=0x30;r14={pte(0x5000):#x};r16=0x4000;mem[0x5000]=0x55",
     "exit=hypercall;r10=0x55;r26=0x4000"),
    ("mov rr[] writes a region register and mov =rr[] reads it back",
     "vol 3 mov rr; vol 2 part I 4.1.2 (region registers)",
     "mov rr[r8]=r9 ;;\n mov r10=rr[r8] ;;\n mov r11=rr[r0] ;;\n" + BRK, {}, "r8=0x2000000000000000;r9=0x631",
     "exit=hypercall;r10=0x631;r11=0x0"),
    ("the short-format VHPT walker inserts the entry at the hashed address and the access completes",
     "vol 2 part I 4.1.5 (VHPT short format hash, walker)",
     SETUP + " mov rr[r17]=r18 ;;\n mov cr.pta=r19 ;;\n mov cr.ifa=r17 ;;\n mov cr.itir=r13 ;;\n itr.d dtr[r0]=r14 ;;\n"
     + DT_ON + LD + BRK, {at(0x1000): RECORD, at(0x0800): RECORD},
     PRE + f";r11=0x2000000000100008;r13=0x40;r14={pte(0x0):#x};r17=0x2000000000000000;r18=0x631;r19=0x3d;"
     f"mem[0x800]={pte(0x5000):#x};mem[0x5008]=0xfeed",
     "exit=hypercall;r10=0xfeed"),
    ("the walker finds p = 0: Data TLB fault (0x0800) with IHA",
     "vol 2 part I 4.1.5, 5.7",
     SETUP + " mov rr[r17]=r18 ;;\n mov cr.pta=r19 ;;\n mov cr.ifa=r17 ;;\n mov cr.itir=r13 ;;\n itr.d dtr[r0]=r14 ;;\n"
     + DT_ON + LD + BRK, {at(0x1000): RECORD, at(0x0800): RECORD},
     PRE + f";r11=0x2000000000100008;r13=0x40;r14={pte(0x0):#x};r17=0x2000000000000000;r18=0x631;r19=0x3d;mem[0x800]=0x0",
     "exit=hypercall;r26=0x2000000000100008;r28=0x2000000000000800;r27=0x630"),
    ("an instruction fetch with PSR.it = 1 and no translation: Alternate Instruction TLB fault (0x0c00), ISR.x",
     "vol 2 part I 4.1, 5.7; vol 3 rfi",
     SETUP + " mov cr.ifa=r8 ;;\n mov cr.itir=r13 ;;\n itr.i itr[r0]=r14 ;;\n mov cr.ipsr=r15 ;;\n mov cr.iip=r16 ;;\n rfi ;;",
     {at(0x0c00): RECORD}, PRE + f";r13=0x3c;r14={pte(0x8000, ar=3):#x};r15=0x1000002000;r16=0x1080",
     "exit=hypercall;r21=0x1080;r26=0x1080;r22=0x100000000"),
    ("itc.i maps the code: fetching through the instruction TLB runs it",
     "vol 2 part I 4.1; vol 3 itc",
     SETUP + " mov cr.ifa=r8 ;;\n mov cr.itir=r13 ;;\n itr.i itr[r0]=r14 ;;\n mov cr.ifa=r16 ;;\n mov cr.itir=r17 ;;\n itc.i r18 ;;\n"
     " mov cr.ipsr=r15 ;;\n mov cr.iip=r16 ;;\n rfi ;;\n.org 0x80\n adds r9=0x99,r0 ;;\n" + BRK,
     {at(0x0c00): RECORD}, PRE + f";r13=0x3c;r14={pte(0x8000, ar=3):#x};r15=0x1000002000;r16=0x1080;r17=0x30;r18={pte(0x1000, ar=1):#x}",
     "exit=hypercall;r9=0x99"),
    ("the walker's own reference to the VHPT does not translate: VHPT Translation fault (0x0000)",
     "vol 2 part I 4.1.5, 5.7 table 5-6",
     SETUP + " mov rr[r17]=r18 ;;\n mov cr.pta=r19 ;;\n" + DT_ON + LD + BRK, {at(0x0000): RECORD, at(0x0800): RECORD},
     PRE + ";r11=0x2000000000100008;r17=0x2000000000000000;r18=0x631;r19=0x3d",
     "exit=hypercall;r26=0x2000000000100008;r28=0x2000000000000800;r22=0x400000000"),
    ("a data TLB miss with PSR.ic = 0 goes to the Data Nested TLB vector (0x1400) and collects neither IFA nor ITIR nor IHA",
     "vol 2 part I 5.5 (collection off), 5.7 table 5-6 (Data Nested TLB)",
     SETUP + " ssm 0x20000 ;;\n srlz.d ;;\n" + LD + BRK, {at(0x1400): RECORD}, PRE + ";r11=0x3000",
     "exit=hypercall;r26=0x0;r27=0x0;r28=0x0;r22=0x400000000"),
]

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as d, open(os.path.join(here, 'translation.vectors'), 'w') as out:
        out.write('# generated by translation_vectors.py: name | SDM rev 2.3 section | code hex at 0x1000 | presets | expected\n')
        for name, sec, src, handlers, pre, exp in CASES:
            pres = [pre] + [f"code@{a:#x}={assemble(h, d)}" for a, h in handlers.items()]
            out.write(' | '.join([name, sec, assemble(src, d), ';'.join(pres), exp]) + '\n')
    print(f'wrote {len(CASES)} translation vectors', file=sys.stderr)

if __name__ == '__main__':
    main()
