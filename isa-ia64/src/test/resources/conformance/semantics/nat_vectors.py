#!/usr/bin/env python3
"""NaT bits and control speculation vectors for ia64, in the format of rse_vectors.py, from the SDM rev 2.3
vol 1 4.4.4 "Control Speculation" and the vol 3 instruction pages (ld.s, ld.sa, chk.s, ld8.fill, st8.spill, cmp,
tbit, st, mov to BR). A NaT is made by a speculative load from 0x7000000 (outside the 64 KiB of guest memory),
which faults and is therefore deferred. Recovery code marks r11; the fall-through path marks r10.
Writes nat.vectors next to this script."""
import os, sys, tempfile
from rse_vectors import assemble

BRK = "break.m 0x1000 ;;"
NAT5 = "ld8.s r5=[r8] ;;\n"   # r5 becomes NaT
PRE = "r6=0x3000;r8=0x7000000;r7=0x22;mem[0x3000]=0x11;mem[0x3018]=0x33"
def check(reg):
    return f" chk.s.m {reg},1f ;;\n adds r10=1,r0 ;;\n {BRK}\n1: adds r11=1,r0 ;;\n {BRK}"
def check_i(reg):
    return f" chk.s.i {reg},1f ;;\n adds r10=1,r0 ;;\n {BRK}\n1: adds r11=1,r0 ;;\n {BRK}"
REC = "exit=hypercall;r10=0;r11=1"
FALL = "exit=hypercall;r10=1;r11=0"
PREDS = " cmp.eq p6,p7=r0,r0 ;;\n"   # p6=1, p7=0 before the compare under test
SHOW = " ;;\n (p6) adds r12=1,r0\n (p7) adds r13=1,r0 ;;\n" + BRK
CASES = [
    ("ld.s that would fault sets the target's NaT; chk.s.m branches to recovery", "vol 1 4.4.4; vol 3 ld (speculative), chk",
     NAT5 + check("r5"), PRE, REC),
    ("chk.s.i (I unit) branches on a NaT the same way", "vol 3 chk (I20)", NAT5 + check_i("r5"), PRE, REC),
    ("ld.s that succeeds loads the value with NaT clear; chk.s falls through", "vol 3 ld (speculative)",
     "ld8.s r5=[r6] ;;\n" + check("r5"), PRE, FALL + ";r5=0x11"),
    ("a deferred ld.s leaves the value 0", "vol 3 ld (speculative: GR[r1] = 0, NaT = 1)", NAT5 + BRK, PRE + ";r5=0x55", "exit=hypercall;r5=0"),
    ("ld.s through a NaT address register is deferred too", "vol 3 ld (speculative, NaT address)",
     NAT5 + " ld8.s r9=[r5] ;;\n" + check("r9"), PRE, REC),
    ("add propagates a NaT from r2", "vol 1 4.4.4 (NaT propagation); vol 3 add", NAT5 + " add r9=r5,r7 ;;\n" + check("r9"), PRE, REC),
    ("add propagates a NaT from r3", "vol 1 4.4.4; vol 3 add", NAT5 + " add r9=r7,r5 ;;\n" + check("r9"), PRE, REC),
    ("adds propagates a NaT", "vol 3 adds", NAT5 + " adds r9=8,r5 ;;\n" + check("r9"), PRE, REC),
    ("and with an immediate propagates r3's NaT", "vol 3 and", NAT5 + " and r9=7,r5 ;;\n" + check("r9"), PRE, REC),
    ("sub, xor and or chains keep the NaT", "vol 3 sub, xor, or",
     NAT5 + " sub r9=r7,r5 ;;\n xor r9=r9,r7 ;;\n or r9=r7,r9 ;;\n" + check("r9"), PRE, REC),
    ("shladd propagates a NaT", "vol 3 shladd", NAT5 + " shladd r9=r5,2,r7 ;;\n" + check("r9"), PRE, REC),
    ("shl, extr and sxt propagate a NaT", "vol 3 shl, extr, sxt",
     NAT5 + " shl r9=r5,r7 ;;\n extr r9=r9,2,5 ;;\n sxt4 r9=r9 ;;\n" + check("r9"), PRE, REC),
    ("dep.z propagates a NaT", "vol 3 dep.z", NAT5 + " dep.z r9=r5,4,8 ;;\n" + check("r9"), PRE, REC),
    ("an add of two good registers has no NaT", "vol 3 add", NAT5 + " add r9=r7,r6 ;;\n" + check("r9"), PRE, FALL),
    ("writing a NaT register with a good value clears its NaT", "vol 1 4.4.4", NAT5 + " adds r5=1,r0 ;;\n" + check("r5"), PRE, FALL),
    ("cmp with a NaT source clears both predicates", "vol 3 cmp (normal type, NaT source)",
     NAT5 + PREDS + " cmp.eq p6,p7=r5,r7" + SHOW, PRE, "exit=hypercall;r12=0;r13=0"),
    ("cmp.unc with a NaT source clears both predicates", "vol 3 cmp (unc type)",
     NAT5 + PREDS + " cmp.lt.unc p6,p7=r7,r5" + SHOW, PRE, "exit=hypercall;r12=0;r13=0"),
    ("cmp with an immediate and a NaT r3 clears both", "vol 3 cmp (A8)",
     NAT5 + PREDS + " cmp.ltu p7,p6=5,r5" + SHOW, PRE, "exit=hypercall;r12=0;r13=0"),
    ("cmp4 with a NaT source clears both", "vol 3 cmp4", NAT5 + PREDS + " cmp4.eq p6,p7=r5,r0" + SHOW, PRE, "exit=hypercall;r12=0;r13=0"),
    ("cmp without NaT writes the relation and its complement", "vol 3 cmp", NAT5 + PREDS + " cmp.eq p6,p7=r7,r6" + SHOW, PRE,
     "exit=hypercall;r12=0;r13=1"),
    ("cmp.eq.and with a NaT source clears both", "vol 3 cmp (and type)",
     NAT5 + " cmp.eq p6,p7=r0,r0 ;;\n cmp.eq p7,p0=r0,r0 ;;\n cmp.eq.and p6,p7=r5,r5" + SHOW, PRE, "exit=hypercall;r12=0;r13=0"),
    ("cmp.eq.or with a NaT source leaves both", "vol 3 cmp (or type)",
     NAT5 + PREDS + " cmp.eq.or p6,p7=r5,r5" + SHOW, PRE, "exit=hypercall;r12=1;r13=0"),
    ("tbit with a NaT source clears both", "vol 3 tbit", NAT5 + PREDS + " tbit.z p6,p7=r5,3" + SHOW, PRE, "exit=hypercall;r12=0;r13=0"),
    ("tnat.z reads a NaT without consuming it: p1 = 0, p2 = 1", "vol 3 tnat",
     NAT5 + PREDS + " tnat.z p6,p7=r5" + SHOW, PRE, "exit=hypercall;r12=0;r13=1"),
    ("tnat.z of a good register: p1 = 1, p2 = 0", "vol 3 tnat", NAT5 + PREDS + " tnat.z p7,p6=r7" + SHOW, PRE, "exit=hypercall;r12=0;r13=1"),
    ("tnat.z.unc under a false predicate clears both", "vol 3 tnat (unc type)",
     NAT5 + PREDS + " cmp.eq p8,p0=r7,r0 ;;\n (p8) tnat.z.unc p6,p7=r5" + SHOW, PRE, "exit=hypercall;r12=0;r13=0"),
    ("tnat.nz sees the NaT a propagating add produced", "vol 3 tnat; vol 1 4.4.4",
     NAT5 + " add r9=r7,r5 ;;\n" + PREDS + " tnat.nz p6,p7=r9" + SHOW, PRE, "exit=hypercall;r12=1;r13=0"),
    ("mov to an AR from a NaT register: Register NaT Consumption fault", "vol 3 mov (to AR)",
     NAT5 + " mov ar.lc=r5 ;;\n" + BRK, PRE, "fault=Register NaT Consumption: mov.i ar.lc=r5"),
    ("mov to ar.unat (M unit) from a NaT register faults too", "vol 3 mov (to AR)",
     NAT5 + " mov ar.unat=r5 ;;\n" + BRK, PRE, "fault=Register NaT Consumption: mov.m ar.unat=r5"),
    ("mov to PR from a NaT register: Register NaT Consumption fault", "vol 3 mov (to PR)",
     NAT5 + " mov pr=r5,0xfe ;;\n" + BRK, PRE, "fault=Register NaT Consumption: mov pr=r5,0xfe"),
    ("st8 of a NaT register: Register NaT Consumption fault", "vol 3 st; vol 2 part I 5.8 NaT Consumption vector 0x5600",
     NAT5 + " st8 [r6]=r5 ;;\n" + BRK, PRE, "fault=Register NaT Consumption: st8 [r6]=r5;mem[0x3000]=0x11"),
    ("st4 through a NaT address: Register NaT Consumption fault", "vol 3 st",
     NAT5 + " st4 [r5]=r7 ;;\n" + BRK, PRE, "fault=Register NaT Consumption: st4 [r5]=r7"),
    ("ld8 through a NaT address: Register NaT Consumption fault", "vol 3 ld (non-speculative)",
     NAT5 + " ld8 r9=[r5] ;;\n" + BRK, PRE, "fault=Register NaT Consumption: ld8 address r5"),
    ("mov to a BR from a NaT register: Register NaT Consumption fault", "vol 3 mov (to BR)",
     NAT5 + " mov b6=r5 ;;\n" + BRK, PRE, "fault=Register NaT Consumption: mov b6=r5"),
    ("st8.spill of a NaT register stores 0 and sets ar.unat at address bits 8:3", "vol 3 st8.spill; vol 1 3.1.8.? ar.unat",
     NAT5 + " adds r9=0x18,r6 ;;\n st8.spill [r9]=r5 ;;\n mov r14=ar.unat ;;\n" + BRK, PRE, "exit=hypercall;mem[0x3018]=0;r14=0x8"),
    ("st8.spill of a good register clears its ar.unat bit", "vol 3 st8.spill",
     " mov ar.unat=r8 ;;\n adds r9=0x18,r6 ;;\n st8.spill [r9]=r7,8 ;;\n mov r14=ar.unat ;;\n" + BRK, PRE,
     "exit=hypercall;mem[0x3018]=0x22;r14=0x7000000;r9=0x3020"),
    ("ld8.fill takes the NaT bit from ar.unat", "vol 3 ld8.fill",
     " adds r14=8,r0 ;;\n mov ar.unat=r14 ;;\n adds r9=0x18,r6 ;;\n ld8.fill r5=[r9] ;;\n" + check("r5"), PRE, REC),
    ("ld8.fill with the ar.unat bit clear loads a good value", "vol 3 ld8.fill",
     " adds r14=0x10,r0 ;;\n mov ar.unat=r14 ;;\n adds r9=0x18,r6 ;;\n ld8.fill r5=[r9],8 ;;\n" + check("r5"), PRE,
     FALL + ";r5=0x33;r9=0x3020"),
    ("st8.spill then ld8.fill round-trips a NaT", "vol 3 st8.spill, ld8.fill",
     NAT5 + " st8.spill [r6]=r5 ;;\n ld8.fill r9=[r6] ;;\n" + check("r9"), PRE, REC),
    ("ld.sa that would fault: NaT and no ALAT entry (chk.a misses)", "vol 3 ld (speculative advanced)",
     "ld8.sa r5=[r8] ;;\n chk.a.clr r5,1f ;;\n adds r10=1,r0 ;;\n " + BRK + "\n1: adds r11=1,r0 ;;\n " + BRK, PRE, REC),
    ("ld.sa that succeeds allocates an ALAT entry (ld.c hits)", "vol 3 ld (speculative advanced); vol 1 4.4.5",
     "ld8.sa r5=[r6] ;;\n adds r5=0x100,r5 ;;\n ld8.c.clr r5=[r6] ;;\n" + BRK, PRE, "exit=hypercall;r5=0x111"),
    ("a NaT in a stacked register is spilled into ar.rnat and filled back", "vol 2 part I 6.5.2 (NaT collections); vol 3 flushrs",
     "alloc r36=ar.pfs,0,5,0,0 ;;\n ld8.s r33=[r8] ;;\n br.call.sptk.many b0=f ;;\n" + check("r33") +
     "\nf: flushrs ;;\n mov r9=ar.rnat\n mov r14=ar.bspstore\n br.ret.sptk.many b0 ;;", PRE + ";ar.bspstore=0x4000",
     REC + ";r9=0x2;r14=0x4028;mem[0x4008]=0"),
    ("a good stacked register is filled back without NaT", "vol 2 part I 6.5.2",
     "alloc r36=ar.pfs,0,5,0,0 ;;\n ld8.s r33=[r6] ;;\n br.call.sptk.many b0=f ;;\n" + check("r33") +
     "\nf: flushrs ;;\n mov r9=ar.rnat\n br.ret.sptk.many b0 ;;", PRE + ";ar.bspstore=0x4000", FALL + ";r9=0;r33=0x11;mem[0x4008]=0x11"),
    ("a NaT spilled just above a collection slot is kept in ar.rnat, not the stored collection", "vol 2 part I 6.5.2 (figure 6-5)",
     "alloc r36=ar.pfs,0,5,0,0 ;;\n ld8.s r33=[r8] ;;\n br.call.sptk.many b0=f ;;\n" + check("r33") +
     "\nf: flushrs ;;\n mov r9=ar.rnat\n br.ret.sptk.many b0 ;;", PRE + ";ar.bspstore=0x41f0;mem[0x41f8]=0x5555",
     REC + ";r9=0x1;mem[0x41f8]=0;mem[0x4200]=0"),
    ("a NaT spilled just below a collection slot is stored in that collection (bit 62) and filled back from it",
     "vol 2 part I 6.5.2 (figure 6-5); 6.5.3 fills",
     "alloc r36=ar.pfs,0,5,0,0 ;;\n ld8.s r32=[r8] ;;\n br.call.sptk.many b0=f ;;\n" + check("r32") +
     "\nf: flushrs ;;\n mov r9=ar.rnat\n br.ret.sptk.many b0 ;;", PRE + ";ar.bspstore=0x41f0",
     REC + ";r9=0;mem[0x41f8]=0x4000000000000000;mem[0x41f0]=0"),
    ("a speculative load hoisted above a branch: the taken path never checks it", "vol 1 4.4.4 (figure: hoisting a load)",
     NAT5 + " cmp.eq p6,p0=r0,r0 ;;\n (p6) br.cond.sptk 2f ;;\n" + check("r5") + "\n2: adds r12=1,r0 ;;\n " + BRK, PRE,
     "exit=hypercall;r10=0;r11=0;r12=1"),
]

IVA = 0x8000
# A handler that records the interruption registers and stops: r21 iip, r22 isr, r23 ipsr
RECORD = "mov r21=cr.iip ;;\n mov r22=cr.isr ;;\n mov r23=cr.ipsr ;;\n" + BRK
# With the IVT installed, NaT consumption is delivered at iva + 0x5600: ISR.code 0x10 (Register NaT Consumption),
# ISR.w / ISR.r for the access, ISR.ei the slot (vol 2 part I 5.8 "NaT Consumption vector", 8.? ISR layout).
IVT_CASES = [
    ("a NaT store with the IVT installed goes to the NaT Consumption vector (0x5600), ISR.code 0x10, ISR.w",
     "vol 2 part I 5.7 table 5-6, 5.8 NaT Consumption vector",
     "mov cr.iva=r9 ;;\n ssm 0x2000 ;;\n" + NAT5 + "{ .mmi\n nop.m 0\n st8 [r6]=r5\n nop.i 0 ;;\n}\n" + BRK,
     PRE + f";r9={IVA:#x}", "exit=hypercall;r21=0x1020;r22=0x20100000010;r23=0x20000002000;mem[0x3000]=0x11"),
    ("a NaT load address with the IVT installed: vector 0x5600, ISR.r", "vol 2 part I 5.8 NaT Consumption vector; vol 3 ld",
     "mov cr.iva=r9 ;;\n ssm 0x2000 ;;\n" + NAT5 + "{ .mmi\n ld8 r7=[r5]\n nop.m 0\n nop.i 0 ;;\n}\n" + BRK,
     PRE + f";r9={IVA:#x}", "exit=hypercall;r21=0x1020;r22=0x200000010;r23=0x2000;r7=0x22"),
    ("a NaT mov to BR with the IVT installed: vector 0x5600, neither ISR.r nor ISR.w", "vol 2 part I 5.8; vol 3 mov (to BR)",
     "mov cr.iva=r9 ;;\n ssm 0x2000 ;;\n" + NAT5 + "{ .mii\n nop.m 0\n nop.i 0\n mov b6=r5 ;;\n}\n" + BRK,
     PRE + f";r9={IVA:#x}", "exit=hypercall;r21=0x1020;r22=0x40000000010;r23=0x40000002000"),
]

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as d, open(os.path.join(here, 'nat.vectors'), 'w') as out:
        out.write('# generated by nat_vectors.py: name | SDM rev 2.3 section | code hex at 0x1000 | presets | expected\n')
        for name, sec, src, pre, exp in CASES:
            out.write(' | '.join([name, sec, assemble(src, d), pre, exp]) + '\n')
        for name, sec, src, pre, exp in IVT_CASES:
            pre += f";code@{IVA + 0x5600:#x}={assemble(RECORD, d)}"
            out.write(' | '.join([name, sec, assemble(src, d), pre, exp]) + '\n')
    print(f'wrote {len(CASES) + len(IVT_CASES)} NaT vectors', file=sys.stderr)

if __name__ == '__main__':
    main()
