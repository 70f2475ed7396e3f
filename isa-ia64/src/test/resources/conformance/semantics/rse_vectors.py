#!/usr/bin/env python3
"""Register stack engine vectors for ia64 (no QEMU exists for it): each case is a short program, the presets the
test applies through the Vcpu interface, and the outcome the Intel Itanium Architecture Software Developer's
Manual rev 2.3 prescribes, worked out by hand from the section it cites (vol 2 part I chapter 6 "Register Stack
Engine"; vol 3 for the instructions). Assembles each program with ia64-linux-gnu-as (binutils-ia64-linux-gnu)
and writes rse.vectors next to this script, one case a line:
    name | SDM section | code hex (loaded at 0x1000) | presets | expected
presets/expected are ';'-separated: REG=VALUE, mem[ADDR]=VALUE, exit=hypercall, fault=REASON.
"""
import os, subprocess, sys, tempfile

BRK = "break.m 0x1000 ;;"
CASES = [
    ("br.call makes the caller's locals dirty: ar.bsp += sol registers",
     "vol 2 6.1.3 and 6.5.2; vol 3 br.call",
     f"alloc r40=ar.pfs,2,8,2,0 ;;\n br.call.sptk.many b0=1f ;;\n1: {BRK}",
     "ar.bspstore=0x4000",
     "exit=hypercall;ar.bsp=0x4050;ar.bspstore=0x4000;cfm=0x2;ar.pfs=0x50c"),
    ("br.call across a NaT collection slot skips it",
     "vol 2 6.5.2 (figure 6-5: collection at bits 8:3 = 0x3f)",
     f"alloc r40=ar.pfs,2,8,2,0 ;;\n br.call.sptk.many b0=1f ;;\n1: {BRK}",
     "ar.bspstore=0x41e0",
     "exit=hypercall;ar.bsp=0x4238;ar.bspstore=0x41e0;cfm=0x2"),
    ("ar.bspstore written on a collection slot: ar.bsp is the next register slot",
     "vol 2 6.5.2; vol 3 mov to ar.bspstore",
     f"alloc r40=ar.pfs,2,8,2,0 ;;\n br.call.sptk.many b0=1f ;;\n1: {BRK}",
     "ar.bspstore=0x41f8",
     "exit=hypercall;ar.bsp=0x4250;ar.bspstore=0x41f8"),
    ("br.call saves CFM, EC and PL in ar.pfs and opens a frame of the outputs",
     "vol 3 br.call (pfm); vol 1 3.1.8.? ar.pfs layout pfm 0-37, pec 52-57, ppl 62-63",
     f"alloc r36=ar.pfs,2,3,1,0 ;;\n br.call.sptk.many b0=1f ;;\n1: {BRK}",
     "ar.bspstore=0x4000;ar.ec=5",
     "exit=hypercall;ar.pfs=0x50000000000286;cfm=0x1;ar.bsp=0x4028"),
    ("br.ret restores CFM from ar.pfs and moves ar.bsp back by its sol",
     "vol 2 6.1.3; vol 3 br.ret",
     f"alloc r40=ar.pfs,2,8,2,0 ;;\n adds r32=0x66,r0\n br.call.sptk.many b0=f ;;\n {BRK}\nf: br.ret.sptk.many b0 ;;",
     "ar.bspstore=0x4000",
     "exit=hypercall;ar.bsp=0x4000;ar.bspstore=0x4000;cfm=0x50c;r32=0x66"),
    ("cover makes the current frame dirty and starts an empty frame",
     "vol 2 6.1.4 and 6.4; vol 3 cover",
     f"alloc r40=ar.pfs,0,9,0,0 ;;\n cover ;;\n {BRK}",
     "ar.bspstore=0x4000",
     "exit=hypercall;cfm=0x0;ar.bsp=0x4048;ar.bspstore=0x4000"),
    ("flushrs spills every dirty register and leaves ar.bspstore = ar.bsp",
     "vol 2 6.4 flushrs; vol 3 flushrs",
     f"alloc r40=ar.pfs,0,9,0,0 ;;\n adds r32=0x11,r0\n adds r40=0x19,r0 ;;\n cover ;;\n flushrs ;;\n {BRK}",
     "ar.bspstore=0x4000;mem[0x4048]=0x5555",
     "exit=hypercall;ar.bsp=0x4048;ar.bspstore=0x4048;mem[0x4000]=0x11;mem[0x4040]=0x19;mem[0x4048]=0x5555"),
    ("a spill clears the register's ar.rnat bit (its NaT bit, 0 here)",
     "vol 2 6.5.2 (RNAT bit i = NaT of the register at bits 8:3 = i)",
     f"alloc r34=ar.pfs,0,3,0,0 ;;\n cover ;;\n flushrs ;;\n {BRK}",
     "ar.bspstore=0x4000;ar.rnat=-1",
     "exit=hypercall;ar.rnat=0xfffffffffffffff8;ar.bspstore=0x4018;ar.bsp=0x4018"),
    ("flushrs across a collection stores ar.rnat at the 0x3f slot and restarts it",
     "vol 2 6.5.2 and 6.4",
     f"alloc r40=ar.pfs,0,10,0,0 ;;\n adds r32=1,r0\n adds r34=3,r0 ;;\n adds r35=4,r0\n adds r41=10,r0 ;;\n cover ;;\n flushrs ;;\n {BRK}",
     "ar.bspstore=0x41e0;ar.rnat=-1",
     "exit=hypercall;mem[0x41e0]=0x1;mem[0x41f0]=0x3;mem[0x41f8]=0x8fffffffffffffff;mem[0x4200]=0x4;mem[0x4230]=0xa;"
     "ar.bsp=0x4238;ar.bspstore=0x4238;ar.rnat=0x0"),
    ("flushrs from a guest-written ar.bspstore on a collection slot stores the collection",
     "vol 2 6.4 flushrs (until ar.bspstore = ar.bsp) and 6.5.2",
     f"flushrs ;;\n {BRK}",
     "ar.bspstore=0x41f8;ar.rnat=0x1234",
     "exit=hypercall;mem[0x41f8]=0x1234;ar.bspstore=0x4200;ar.bsp=0x4200;ar.rnat=0x0"),
    ("writing ar.bspstore keeps the dirty registers: ar.bsp follows",
     "vol 2 6.4.1 (mov to ar.bspstore); vol 3 mov ar",
     f"alloc r36=ar.pfs,0,5,0,0 ;;\n cover ;;\n mov ar.bspstore=r8 ;;\n {BRK}",
     "ar.bspstore=0x4000;r8=0x5000",
     "exit=hypercall;ar.bspstore=0x5000;ar.bsp=0x5028"),
    ("loadrs with ar.rsc.loadrs = 0 drops the dirty partition: ar.bspstore = ar.bsp",
     "vol 2 6.4 loadrs; vol 3 loadrs",
     f"alloc r35=ar.pfs,0,4,0,0 ;;\n cover ;;\n mov ar.rsc=0 ;;\n loadrs ;;\n {BRK}",
     "ar.bspstore=0x4000;mem[0x4000]=0x77",
     "exit=hypercall;ar.bspstore=0x4020;ar.bsp=0x4020;mem[0x4000]=0x77"),
    ("loadrs loads ar.rsc.loadrs bytes below ar.bsp; br.ret then finds them in the frame",
     "vol 2 6.4 loadrs and 6.1.3; vol 3 loadrs, br.ret",
     "{ .mmi\n mov ar.rsc=r9 ;;\n loadrs\n mov r11=ip ;;\n}\n{ .mii\n nop.m 0\n adds r11=0x30,r11 ;;\n mov.i ar.pfs=r10 ;;\n}\n"
     "{ .mib\n nop.m 0\n mov b0=r11\n br.ret.sptk.many b0 ;;\n}\n" + BRK,
     "ar.bspstore=0x4020;r9=0x200000;r10=0x204;mem[0x4000]=0xa0;mem[0x4008]=0xa1;mem[0x4010]=0xa2;mem[0x4018]=0xa3",
     "exit=hypercall;r32=0xa0;r33=0xa1;r34=0xa2;r35=0xa3;cfm=0x204;ar.bsp=0x4000;ar.bspstore=0x4000"),
    ("loadrs with a non-empty frame is an illegal operation",
     "vol 3 loadrs (CFM.sof != 0: illegal operation fault)",
     f"alloc r40=ar.pfs,0,9,0,0 ;;\n loadrs ;;\n {BRK}",
     "ar.bspstore=0x4000",
     "fault=illegal operation: loadrs with cfm.sof 9, ar.rsc 0x0"),
    ("ar.bsp is read-only",
     "vol 1 3.1.8.3; vol 3 mov ar (illegal operation fault)",
     f"mov ar.bsp=r8 ;;\n {BRK}",
     "ar.bspstore=0x4000;r8=0x5000",
     "fault=illegal operation: mov to ar.bsp with ar.rsc 0x0;ar.bsp=0x4000"),
    ("ar.bspstore is written only in enforced lazy mode",
     "vol 2 6.4.1; vol 3 mov ar (RSC.mode != 0: illegal operation fault)",
     f"mov ar.rsc=3 ;;\n mov ar.bspstore=r8 ;;\n {BRK}",
     "ar.bspstore=0x4000;r8=0x5000",
     "fault=illegal operation: mov to ar.bspstore with ar.rsc 0x3;ar.bspstore=0x4000"),
    ("ar.rsc keeps mode, pl, be and loadrs; reserved fields read 0",
     "vol 2 6.2 (figure 6-?: RSC fields mode 1:0, pl 3:2, be 4, loadrs 29:16)",
     f"mov ar.rsc=r9 ;;\n mov r10=ar.rsc ;;\n {BRK}",
     "r9=-1",
     "exit=hypercall;ar.rsc=0x3fff001f;r10=0x3fff001f"),
    ("alloc past the physical file spills the oldest dirty registers (mandatory RSE stores)",
     "vol 2 6.5.1 and 6.1.2 (alloc)",
     f"alloc r40=ar.pfs,0,96,0,0 ;;\n adds r32=7,r0\n adds r39=9,r0 ;;\n cover ;;\n alloc r33=ar.pfs,0,8,0,0 ;;\n {BRK}",
     "ar.bspstore=0x4000;mem[0x4040]=0x55",
     "exit=hypercall;ar.bspstore=0x4040;ar.bsp=0x4308;mem[0x4000]=0x7;mem[0x4038]=0x9;mem[0x4040]=0x55;cfm=0x408"),
    ("br.ret fills a whole spilled caller frame back across two collections",
     "vol 2 6.5.3 (mandatory RSE loads) and 6.5.2",
     f"alloc r40=ar.pfs,0,96,0,0 ;;\n adds r32=0x77,r0\n adds r127=0x99,r0\n br.call.sptk.many b0=f ;;\n {BRK}\n"
     "f: alloc r32=ar.pfs,0,96,0,0 ;;\n adds r33=0x33,r0\n br.ret.sptk.many b0 ;;",
     "ar.bspstore=0x41e0",
     "exit=hypercall;r32=0x77;r127=0x99;ar.bsp=0x41e0;ar.bspstore=0x41e0;mem[0x41e0]=0x77;mem[0x41f8]=0x0;"
     "mem[0x44e8]=0x99;cfm=0x3060"),
]

def assemble(src, d):
    s = os.path.join(d, 'c.s'); o = os.path.join(d, 'c.o'); b = os.path.join(d, 'c.bin')
    open(s, 'w').write('\t.text\n\t.explicit\n' + src + '\n')
    subprocess.run(['ia64-linux-gnu-as', '-o', o, s], check=True)
    subprocess.run(['ia64-linux-gnu-objcopy', '-O', 'binary', '-j', '.text', o, b], check=True)
    return open(b, 'rb').read().hex()

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as d, open(os.path.join(here, 'rse.vectors'), 'w') as out:
        out.write('# generated by rse_vectors.py: name | SDM rev 2.3 section | code hex at 0x1000 | presets | expected\n')
        for name, sec, src, pre, exp in CASES:
            out.write(' | '.join([name, sec, assemble(src, d), pre, exp]) + '\n')
    print(f'wrote {len(CASES)} RSE vectors', file=sys.stderr)

if __name__ == '__main__':
    main()
