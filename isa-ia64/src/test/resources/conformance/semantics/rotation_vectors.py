#!/usr/bin/env python3
"""Register rotation and modulo-scheduled loop vectors for ia64, in the format of rse_vectors.py (which this
reuses to assemble): each expectation worked out from the manual section cited (SDM rev 2.3 vol 1 4.5
"Software Pipelining and Loop Support" with its ctop/cexit and wtop/wexit flow charts, vol 3 br, clrrrb, alloc).
Writes rotation.vectors next to this script."""
import os, sys, tempfile
from rse_vectors import assemble

BRK = "break.m 0x1000 ;;"
TAKEN = "2f ;;\n1: adds r20=1,r0 ;;\n " + BRK + "\n2: adds r21=1,r0 ;;\n " + BRK
FRAME16 = "alloc r40=ar.pfs,0,16,0,8 ;;\n"

def cfm(sof, sol, sor8, rot=0):
    """CFM after `rot` rotations from all rrb = 0 (each rotation takes every rrb down by one, modulo its size)."""
    sor = sor8 * 8
    gr = (-rot) % sor if sor else 0
    return sof | sol << 7 | sor8 << 14 | gr << 18 | ((-rot) % 96) << 25 | ((-rot) % 48) << 32

CASES = [
    ("br.ctop with LC != 0: LC--, p63 = 1, rotate (r32 is now r33, p16 is now p17), taken",
     "vol 1 4.5 figure ctop/cexit flow; vol 3 br.ctop",
     FRAME16 + " adds r32=5,r0\n mov ar.lc=1 ;;\n br.ctop.sptk.few " + TAKEN,
     "pr=0x10001",
     f"exit=hypercall;r21=1;r20=0;r33=5;r32=0;ar.lc=0;pr=0x30001;cfm={cfm(16,16,1,1):#x}"),
    ("br.ctop with LC = 0, EC > 1: EC--, p63 = 0, rotate, taken",
     "vol 1 4.5 ctop/cexit flow; vol 3 br.ctop",
     FRAME16 + " adds r32=5,r0\n mov ar.lc=0 ;;\n br.ctop.sptk.few " + TAKEN,
     "pr=0x10001;ar.ec=3",
     f"exit=hypercall;r21=1;r20=0;r33=5;ar.ec=2;pr=0x20001;cfm={cfm(16,16,1,1):#x}"),
    ("br.ctop with LC = 0, EC = 1: the last rotation (EC = 0), falls through",
     "vol 1 4.5 ctop/cexit flow; vol 3 br.ctop",
     FRAME16 + " adds r32=5,r0\n mov ar.lc=0 ;;\n br.ctop.sptk.few " + TAKEN,
     "pr=0x10001;ar.ec=1",
     f"exit=hypercall;r20=1;r21=0;r33=5;ar.ec=0;pr=0x20001;cfm={cfm(16,16,1,1):#x}"),
    ("br.ctop with LC = 0, EC = 0: no rotation, falls through",
     "vol 1 4.5 ctop/cexit flow; vol 3 br.ctop",
     FRAME16 + " adds r32=5,r0\n mov ar.lc=0 ;;\n br.ctop.sptk.few " + TAKEN,
     "pr=0x8000000000010001;ar.ec=0",
     f"exit=hypercall;r20=1;r21=0;r32=5;ar.ec=0;pr=0x10001;cfm={cfm(16,16,1,0):#x}"),
    ("br.cexit with LC != 0 rotates and falls through",
     "vol 1 4.5 ctop/cexit flow; vol 3 br.cexit",
     FRAME16 + " adds r32=5,r0\n mov ar.lc=2 ;;\n br.cexit.sptk.few " + TAKEN,
     "pr=0x10001;ar.ec=1",
     f"exit=hypercall;r20=1;r21=0;r33=5;ar.lc=1;ar.ec=1;cfm={cfm(16,16,1,1):#x}"),
    ("br.cexit with LC = 0, EC = 1 takes the exit after the last rotation",
     "vol 1 4.5 ctop/cexit flow; vol 3 br.cexit",
     FRAME16 + " adds r32=5,r0\n mov ar.lc=0 ;;\n br.cexit.sptk.few " + TAKEN,
     "pr=0x10001;ar.ec=1",
     f"exit=hypercall;r21=1;r20=0;r33=5;ar.ec=0;cfm={cfm(16,16,1,1):#x}"),
    ("br.wtop with PR[qp] = 1: EC kept, p63 = 0, rotate, taken",
     "vol 1 4.5 wtop/wexit flow; vol 3 br.wtop",
     FRAME16 + " adds r32=5,r0 ;;\n (p6) br.wtop.sptk.few " + TAKEN,
     "pr=0x10041;ar.ec=2",
     f"exit=hypercall;r21=1;r20=0;r33=5;ar.ec=2;pr=0x20041;cfm={cfm(16,16,1,1):#x}"),
    ("br.wtop with PR[qp] = 0, EC > 1: EC--, rotate, taken",
     "vol 1 4.5 wtop/wexit flow; vol 3 br.wtop",
     FRAME16 + " adds r32=5,r0 ;;\n (p6) br.wtop.sptk.few " + TAKEN,
     "pr=0x10001;ar.ec=2",
     f"exit=hypercall;r21=1;r20=0;r33=5;ar.ec=1;pr=0x20001;cfm={cfm(16,16,1,1):#x}"),
    ("br.wtop with PR[qp] = 0, EC = 1: last rotation, falls through",
     "vol 1 4.5 wtop/wexit flow; vol 3 br.wtop",
     FRAME16 + " adds r32=5,r0 ;;\n (p6) br.wtop.sptk.few " + TAKEN,
     "pr=0x10001;ar.ec=1",
     f"exit=hypercall;r20=1;r21=0;r33=5;ar.ec=0;cfm={cfm(16,16,1,1):#x}"),
    ("br.wexit with PR[qp] = 1 rotates and falls through",
     "vol 1 4.5 wtop/wexit flow; vol 3 br.wexit",
     FRAME16 + " adds r32=5,r0 ;;\n (p6) br.wexit.sptk.few " + TAKEN,
     "pr=0x10041;ar.ec=1",
     f"exit=hypercall;r20=1;r21=0;r33=5;ar.ec=1;cfm={cfm(16,16,1,1):#x}"),
    ("br.wexit with PR[qp] = 0, EC = 1 takes the exit",
     "vol 1 4.5 wtop/wexit flow; vol 3 br.wexit",
     FRAME16 + " adds r32=5,r0 ;;\n (p6) br.wexit.sptk.few " + TAKEN,
     "pr=0x10001;ar.ec=1",
     f"exit=hypercall;r21=1;r20=0;r33=5;ar.ec=0;cfm={cfm(16,16,1,1):#x}"),
    ("rotation wraps inside the rotating region: r39 becomes r32, r40 does not move",
     "vol 1 4.5.1 (rotating registers r32 to r32+8*sor-1)",
     FRAME16 + " adds r39=9,r0\n adds r40=10,r0\n mov ar.lc=1 ;;\n br.ctop.sptk.few " + TAKEN,
     "pr=0x1",
     f"exit=hypercall;r32=9;r39=0;r40=10;r41=0"),
    ("clrrrb puts every rrb back to 0",
     "vol 3 clrrrb",
     FRAME16 + " adds r32=5,r0\n mov ar.lc=5 ;;\n br.ctop.sptk.few 1f ;;\n1: br.ctop.sptk.few 2f ;;\n2: clrrrb ;;\n " + BRK,
     "pr=0x10001",
     f"exit=hypercall;r32=5;r34=0;ar.lc=3;pr=0xc000000000010001;cfm={cfm(16,16,1,0):#x}"),
    ("clrrrb.pr puts rrb.pr alone back to 0: the predicates show their physical order",
     "vol 3 clrrrb.pr",
     FRAME16 + " adds r32=5,r0\n mov ar.lc=1 ;;\n br.ctop.sptk.few 1f ;;\n1: clrrrb.pr ;;\n " + BRK,
     "pr=0x10001",
     f"exit=hypercall;r33=5;pr=0x8000000000010001;cfm={cfm(16,16,1,1) & ~(0x3f << 32):#x}"),
    ("br.call from a rotated frame spills it in physical order; br.ret brings the rotation back",
     "vol 2 6.1.3 and 6.5.2; vol 1 4.5.1",
     FRAME16 + " adds r32=5,r0\n mov ar.lc=1 ;;\n br.ctop.sptk.few 1f ;;\n1: br.call.sptk.many b0=f ;;\n " + BRK +
     "\nf: flushrs ;;\n br.ret.sptk.many b0 ;;",
     "ar.bspstore=0x4000;pr=0x10001",
     f"exit=hypercall;r33=5;mem[0x4000]=0x5;mem[0x4008]=0x0;pr=0x30001;cfm={cfm(16,16,1,1):#x};ar.pfs={cfm(16,16,1,1):#x}"),
    ("alloc may not change sor while registers are rotated",
     "vol 3 alloc (illegal operation fault)",
     FRAME16 + " mov ar.lc=1 ;;\n br.ctop.sptk.few 1f ;;\n1: alloc r40=ar.pfs,0,16,0,16 ;;\n " + BRK,
     "pr=0x1",
     "fault=illegal operation: alloc 16,16,16"),
    ("a 4-iteration while loop on br.wtop rotates once per kernel pass and once more on exit",
     "vol 1 4.5 wtop/wexit flow",
     "alloc r39=ar.pfs,0,8,0,8 ;;\n mov ar.ec=1 ;;\nloop: adds r9=-1,r9 ;;\n cmp.ne p6,p0=0,r9 ;;\n (p6) br.wtop.sptk.few loop ;;\n " + BRK,
     "r9=4",
     f"exit=hypercall;r9=0;ar.ec=0;cfm={cfm(8,8,1,4):#x}"),
]

def copy_loop(n):
    """The manual's three-stage software-pipelined copy (vol 1 4.5): load in stage 1 (p16) into r32, store r34 in stage 3 (p18)."""
    src = FRAME16 + " mov ar.lc=r10\n mov ar.ec=3\n mov pr=r9,-2 ;;\n clrrrb ;;\nloop:\n (p16) ld8 r32=[r2],8\n (p18) st8 [r3]=r34,8\n br.ctop.sptk.few loop ;;\n " + BRK
    pre = [f"r2=0x5000", "r3=0x6000", "r9=0x10000", f"r10={n - 1}", f"mem[{0x6000 + 8 * n:#x}]=0x99"]
    exp = ["exit=hypercall", "ar.lc=0", "ar.ec=0", f"r2={0x5000 + 8 * n:#x}", f"r3={0x6000 + 8 * n:#x}",
           f"mem[{0x6000 + 8 * n:#x}]=0x99", f"cfm={cfm(16, 16, 1, n + 2):#x}"]
    for i in range(n):
        pre.append(f"mem[{0x5000 + 8 * i:#x}]={0x1111 * (i + 1):#x}")
        exp.append(f"mem[{0x6000 + 8 * i:#x}]={0x1111 * (i + 1):#x}")
    return (f"three-stage br.ctop copy loop of {n} words runs n + 2 kernel passes", "vol 1 4.5 (modulo-scheduled loops)",
            src, ";".join(pre), ";".join(exp))

A = 0x1234567890abcdef
B = 0x0fedcba987654321
FP_CASES = [
    ("br.ctop rotates the FRs: f32 becomes f33 (rrb.fr = 95)",
     "vol 1 4.5.1 (rotating FRs f32-f127); vol 3 br.ctop",
     FRAME16 + " setf.sig f32=r8\n mov ar.lc=1 ;;\n br.ctop.sptk.few " + TAKEN,
     f"r8={A:#x};pr=0x10001",
     f"exit=hypercall;r21=1;f33={A:#x};f33.se=0x1003e;cfm={cfm(16,16,1,1):#x}"),
    ("rotation wraps over the 96 rotating FRs: the old f127 is the new f32",
     "vol 1 4.5.1 (rrb.fr modulo 96)",
     FRAME16 + " setf.sig f127=r8\n mov ar.lc=1 ;;\n br.ctop.sptk.few " + TAKEN,
     f"r8={A:#x};pr=0x10001",
     f"exit=hypercall;r21=1;f32={A:#x};f32.se=0x1003e"),
    ("f2-f31 do not rotate",
     "vol 1 4.5.1 (only f32-f127 rotate)",
     FRAME16 + " setf.sig f31=r8\n mov ar.lc=1 ;;\n br.ctop.sptk.few " + TAKEN,
     f"r8={A:#x};pr=0x10001",
     f"exit=hypercall;r21=1;f31={A:#x};f31.se=0x1003e"),
    ("clrrrb puts rrb.fr back to 0: f32 names its first register again",
     "vol 3 clrrrb",
     FRAME16 + " setf.sig f32=r8\n mov ar.lc=1 ;;\n br.ctop.sptk.few 1f ;;\n1: clrrrb ;;\n getf.sig r20=f32 ;;\n " + BRK,
     f"r8={A:#x};pr=0x10001",
     f"exit=hypercall;r20={A:#x};cfm=0x4810"),
    ("br.call gives the callee rrb.fr = 0, br.ret brings the caller's rotation back",
     "vol 3 br.call, br.ret (CFM.rrb.fr saved in ar.pfs.pfm); vol 1 4.5.1",
     FRAME16 + " setf.sig f32=r8\n mov ar.lc=1 ;;\n br.ctop.sptk.few 1f ;;\n1: br.call.sptk.many b0=2f ;;\n"
     " getf.sig r21=f33 ;;\n " + BRK + "\n2: getf.sig r20=f32 ;;\n br.ret.sptk.many b0 ;;",
     f"r8={A:#x};pr=0x10001",
     f"exit=hypercall;r20={A:#x};r21={A:#x};cfm={cfm(16,16,1,1):#x}"),
    ("the FRs rotate without a rotating GR region (sor = 0): two kernel passes and the last rotation, f40 -> f43",
     "vol 1 4.5.1 (rrb.gr only with sor > 0; rrb.fr and rrb.pr always)",
     "alloc r40=ar.pfs,0,16,0,0 ;;\n setf.sig f40=r8\n setf.sig f41=r9\n mov ar.lc=2 ;;\n1: br.ctop.sptk.few 1b ;;\n "
     "getf.sig r20=f43\n getf.sig r21=f44 ;;\n " + BRK,
     f"r8={A:#x};r9={B:#x};ar.ec=1;pr=0x10001",
     f"exit=hypercall;r20={A:#x};r21={B:#x};ar.ec=0"),
    ("a three-stage FP pipeline: ldfd into f32, fadd.d from f34 two rotations later",
     "vol 1 4.5 (modulo-scheduled loops) with rotating FRs",
     FRAME16 + " mov ar.lc=3\n mov ar.ec=3\n mov pr.rot=0x10000\n mov f8=f0 ;;\n1: (p16) ldfd f32=[r2],8\n"
     " (p18) fadd.d.s0 f8=f8,f34\n br.ctop.sptk.few 1b ;;\n getf.d r20=f8 ;;\n " + BRK,
     "r2=0x5000;mem[0x5000]=0x3ff0000000000000;mem[0x5008]=0x4000000000000000;mem[0x5010]=0x4008000000000000;"
     "mem[0x5018]=0x4010000000000000",
     "exit=hypercall;r20=0x4024000000000000;ar.ec=0;ar.lc=0"),
]

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    cases = CASES + [copy_loop(n) for n in (1, 2, 3, 5, 20)] + FP_CASES
    with tempfile.TemporaryDirectory() as d, open(os.path.join(here, 'rotation.vectors'), 'w') as out:
        out.write('# generated by rotation_vectors.py: name | SDM rev 2.3 section | code hex at 0x1000 | presets | expected\n')
        for name, sec, src, pre, exp in cases:
            out.write(' | '.join([name, sec, assemble(src, d), pre, exp]) + '\n')
    print(f'wrote {len(cases)} rotation vectors', file=sys.stderr)

if __name__ == '__main__':
    main()
