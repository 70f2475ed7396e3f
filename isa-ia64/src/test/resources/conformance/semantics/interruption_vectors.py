#!/usr/bin/env python3
"""Interruption vectors for ia64 in the format of rse_vectors.py: the main program at 0x1000 installs its IVT at
0x8000 (mov cr.iva) unless the case says otherwise; handlers are assembled separately and loaded at
iva + the architected vector offset (preset code@ADDR=HEX). Expectations from the SDM rev 2.3 vol 2 part I
chapter 5 (interruption vector table 5.7, delivery and collection 5.4-5.5, ISR 3.3.5.?) and vol 3 (rfi, bsw,
cover, mov cr). Extra presets: irq=V (Vcpu.raiseInterrupt), clock=N (virtual nanoseconds = ar.itc).
Writes interruption.vectors next to this script."""
import os, sys, tempfile
from rse_vectors import assemble

BRK = "break.m 0x1000 ;;"
IVA = 0x8000
INSTALL = "mov cr.iva=r8 ;;\n"
# A handler that records the interruption registers and stops: r20 iim, r21 iip, r22 isr, r23 ipsr, r24 ifs, r25 psr, r26 ifa
RECORD = ("mov r20=cr.iim ;;\n mov r21=cr.iip ;;\n mov r22=cr.isr ;;\n mov r23=cr.ipsr ;;\n mov r24=cr.ifs ;;\n"
          " mov r25=psr ;;\n mov r26=cr.ifa ;;\n" + BRK)
# A handler that skips the faulting slot (ri + 1, or the next bundle after slot 2) and returns with rfi
SKIP = ("mov r20=cr.iim ;;\n mov r21=cr.iip\n mov r22=cr.ipsr ;;\n extr.u r23=r22,41,2 ;;\n cmp.eq p6,p7=2,r23 ;;\n"
        " movl r24=0x60000000000 ;;\n andcm r22=r22,r24 ;;\n(p6) adds r21=16,r21\n(p7) adds r23=1,r23 ;;\n"
        "(p7) dep.z r23=r23,41,2 ;;\n(p7) or r22=r22,r23 ;;\n mov cr.iip=r21\n mov cr.ipsr=r22 ;;\n rfi ;;")
EXT = ("mov r20=cr.ivr ;;\n mov r21=cr.iip ;;\n mov r22=cr.isr ;;\n mov r23=cr.ipsr ;;\n mov cr.eoi=r0 ;;\n"
       " mov r24=cr.ivr ;;\n" + BRK)

def at(vector): return IVA + vector

CASES = [
    ("break with a non-hypercall immediate goes to the Break Instruction vector (0x2c00) with IIM, IIP, ISR.ei, IPSR",
     "vol 2 part I 5.7 table 5-6; 5.5 (collection with PSR.ic = 1); vol 3 break",
     INSTALL + "ssm 0x2000 ;;\n{ .mii\n nop.m 0\n nop.i 0\n break.i 0x42 ;;\n}\n" + BRK,
     {at(0x2c00): RECORD}, f"r8={IVA:#x}",
     f"exit=hypercall;r20=0x42;r21=0x1010;r22=0x40000000000;r23=0x40000002000;r24=0x0;r25=0x0"),
    ("with PSR.ic = 0 nothing is collected but ISR",
     "vol 2 part I 5.5 (PSR.ic = 0: IIP, IPSR, IFS, IIM not written)",
     INSTALL + "{ .mii\n nop.m 0\n break.i 0x43\n nop.i 0 ;;\n}\n" + BRK,
     {at(0x2c00): RECORD}, f"r8={IVA:#x}",
     "exit=hypercall;r20=0x0;r21=0x0;r22=0x20000000000;r23=0x0"),
    ("break.x in an MLX bundle reports slot 1 and the 62-bit immediate in IIM",
     "vol 3 break (X1: imm62); vol 2 part I 5.5",
     INSTALL + "ssm 0x2000 ;;\n{ .mlx\n nop.m 0\n break.x 0x123456789a ;;\n}\n" + BRK,
     {at(0x2c00): RECORD}, f"r8={IVA:#x}",
     "exit=hypercall;r20=0x123456789a;r21=0x1010;r22=0x20000000000;r23=0x20000002000"),
    ("an undefined slot is an Illegal Operation fault: General Exception vector (0x5400), ISR.code 0",
     "vol 2 part I 5.7 table 5-6, 5.8 General Exception vector",
     INSTALL + "ssm 0x2000 ;;\n.byte 0x01,0x00,0x00,0x00,0x01,0x00,0x00,0x00,0x00,0x00,0xc0,0xff,0xff,0xff,0xff,0xff\n" + BRK,
     {at(0x5400): RECORD}, f"r8={IVA:#x}",
     "exit=hypercall;r21=0x1010;r22=0x40000000000;r23=0x40000002000"),
    ("the handler skips the break and rfi returns to the next bundle with PSR restored",
     "vol 3 rfi; vol 2 part I 5.4",
     INSTALL + "ssm 0x2000 ;;\n{ .mii\n nop.m 0\n nop.i 0\n break.i 0x44 ;;\n}\n adds r9=1,r0\n mov r10=psr ;;\n" + BRK,
     {at(0x2c00): SKIP}, f"r8={IVA:#x}",
     "exit=hypercall;r20=0x44;r9=0x1;r10=0x2000"),
    ("rfi resumes in the middle of a bundle at IPSR.ri",
     "vol 3 rfi (IP = IIP, PSR.ri = IPSR.ri)",
     INSTALL + "ssm 0x2000 ;;\n{ .mii\n break.m 0x45\n adds r9=1,r0\n adds r10=2,r0 ;;\n}\n" + BRK,
     {at(0x2c00): SKIP}, f"r8={IVA:#x}",
     "exit=hypercall;r20=0x45;r9=0x1;r10=0x2"),
    ("bsw switches the bank of r16-r31",
     "vol 2 part I 3.3.? (banked general registers); vol 3 bsw",
     "adds r16=5,r0 ;;\n bsw.1 ;;\n adds r16=7,r0 ;;\n bsw.0 ;;\n mov r9=r16 ;;\n bsw.1 ;;\n mov r10=r16 ;;\n mov r11=psr ;;\n" + BRK,
     {}, "r16=0",
     "exit=hypercall;r9=0x5;r10=0x7;r11=0x0"),
    ("an interruption selects bank 0 (the handler's r20 lands there) and rfi brings bank 1 back",
     "vol 2 part I 5.4 (PSR.bn = 0 on interruption); vol 3 rfi",
     INSTALL + "ssm 0x2000 ;;\n adds r16=5,r0 ;;\n bsw.1 ;;\n adds r16=7,r0 ;;\n break.m 0x46 ;;\n mov r9=r16 ;;\n" + BRK,
     {at(0x2c00): "mov r30=r16 ;;\n" + SKIP}, f"r8={IVA:#x}",
     "exit=hypercall;r9=0x7;r20=0x0"),
    ("cover with PSR.ic = 0 writes IFS; rfi with IFS.v brings the covered frame back",
     "vol 3 cover, rfi; vol 2 part I 6.?",
     "alloc r36=ar.pfs,0,5,0,0 ;;\n adds r32=9,r0\n mov r11=ip ;;\n adds r11=0x60,r11 ;;\n cover ;;\n mov r12=cr.ifs\n mov cr.iip=r11 ;;\n"
     " mov cr.ipsr=r0 ;;\n rfi ;;\n mov r13=ar.bsp ;;\n" + BRK,
     {}, "ar.bspstore=0x4000",
     "exit=hypercall;r12=0x8000000000000285;r32=0x9;cfm=0x285;r13=0x4000"),
    ("a privileged instruction at cpl 3 is a Privileged Operation fault: General Exception, ISR.code 0x10",
     "vol 2 part I 5.8 General Exception vector; vol 3 mov cr",
     INSTALL + " mov cr.ipsr=r9 ;;\n mov r10=ip ;;\n adds r10=0x30,r10 ;;\n mov cr.iip=r10 ;;\n rfi ;;\n mov r5=cr.iva ;;\n" + BRK,
     {at(0x5400): RECORD}, f"r8={IVA:#x};r9=0x300002000",
     "exit=hypercall;r22=0x10;r23=0x300002000;r5=0x0"),
    ("the interval timer raises cr.itv's vector when ar.itc reaches cr.itm; External Interrupt vector (0x3000)",
     "vol 2 part I 3.3.4.? (ITM, ITV), 5.8 (IVR, EOI), 5.7 table 5-6",
     INSTALL + " mov cr.itv=r9\n mov cr.itm=r10 ;;\n ssm 0x6000 ;;\nspin: br.few spin ;;",
     {at(0x3000): EXT}, f"r8={IVA:#x};r9=0xef;r10=100;clock=200",
     "exit=hypercall;r20=0xef;r24=0xf;r23=0x6000"),
    ("a masked interval timer (cr.itv.m = 1) raises nothing",
     "vol 2 part I 3.3.4.? (ITV.m)",
     INSTALL + " mov cr.itv=r9\n mov cr.itm=r10 ;;\n ssm 0x6000 ;;\n mov r11=ar.itc ;;\n" + BRK,
     {at(0x3000): EXT}, f"r8={IVA:#x};r9=0x100ef;r10=100;clock=200",
     "exit=hypercall;r20=0x0;r11=0xc8"),
    ("an external interrupt waits for PSR.i = 1",
     "vol 2 part I 5.8 (PSR.i masks external interrupts)",
     INSTALL + " ssm 0x2000 ;;\n adds r9=1,r0 ;;\n ssm 0x4000 ;;\n adds r9=2,r0 ;;\n" + BRK,
     {at(0x3000): EXT}, f"r8={IVA:#x};irq=0x40",
     "exit=hypercall;r20=0x40;r9=0x1;r24=0xf"),
    ("cr.tpr.mic masks the interrupt classes up to it",
     "vol 2 part I 5.8 (TPR.mic, TPR.mmi)",
     INSTALL + " mov cr.tpr=r9 ;;\n ssm 0x6000 ;;\n adds r10=1,r0 ;;\n mov r11=cr.ivr ;;\n" + BRK,
     {at(0x3000): EXT}, f"r8={IVA:#x};r9=0x40;irq=0x45",
     "exit=hypercall;r10=0x1;r11=0xf;r20=0x0"),
    ("cr.ivr reads 15 (spurious) with nothing pending",
     "vol 2 part I 5.8 (IVR)",
     "mov r9=cr.ivr ;;\n" + BRK, {}, "r9=0",
     "exit=hypercall;r9=0xf"),
    ("the IVT is not installed until cr.iva is written: a break still ends the domain",
     "Polyvisor policy (trap.Interruptions); vol 2 part I 5.7",
     "ssm 0x2000 ;;\n break.m 0x47 ;;\n" + BRK, {}, "r8=0",
     "fault=break instruction 0x47 with no interruption vector table"),
]

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as d, open(os.path.join(here, 'interruption.vectors'), 'w') as out:
        out.write('# generated by interruption_vectors.py: name | SDM rev 2.3 section | code hex at 0x1000 | presets | expected\n')
        for name, sec, src, handlers, pre, exp in CASES:
            pres = [pre] + [f"code@{a:#x}={assemble(h, d)}" for a, h in handlers.items()]
            out.write(' | '.join([name, sec, assemble(src, d), ';'.join(pres), exp]) + '\n')
    print(f'wrote {len(CASES)} interruption vectors', file=sys.stderr)

if __name__ == '__main__':
    main()
