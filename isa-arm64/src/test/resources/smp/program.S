// Guest code for SmpAtomicsTest: each vCPU runs one of these with x1 = lock, x2 = counter, x3 = iterations,
// then makes the Xen hypercall. The counter must end at (vCPUs x iterations) whatever the interleaving.
        .arch   armv8.1-a
        .text
        .org 0
t_lock:                         // a spinlock from LDAXR/STXR, released with STLR; a plain increment inside
        mov     w5, #1
1:      ldaxr   w4, [x1]
        cbnz    w4, 1b
        stxr    w6, w5, [x1]
        cbnz    w6, 1b
        ldr     x7, [x2]
        add     x7, x7, #1
        str     x7, [x2]
        stlr    wzr, [x1]
        subs    x3, x3, #1
        b.ne    1b
        hvc     #0xea1
t_ldadd:                        // LSE: one STADD per increment
        mov     x5, #1
2:      stadd   x5, [x2]
        subs    x3, x3, #1
        b.ne    2b
        hvc     #0xea1
t_cas:                          // LSE: a CASAL retry loop
3:      ldr     x7, [x2]
4:      add     x8, x7, #1
        mov     x9, x7
        casal   x9, x8, [x2]
        cmp     x9, x7
        mov     x7, x9
        b.ne    4b
        subs    x3, x3, #1
        b.ne    3b
        hvc     #0xea1
t_ldxp:                         // 128-bit exclusive pair: increments both halves of a 16-byte counter
5:      ldaxp   x7, x8, [x2]
        add     x7, x7, #1
        add     x8, x8, #2
        stlxp   w6, x7, x8, [x2]
        cbnz    w6, 5b
        subs    x3, x3, #1
        b.ne    5b
        hvc     #0xea1
t_byte:                         // LDADDB on a byte next to bytes another vCPU owns: sub-word CAS
        mov     w5, #1
6:      ldaddalb w5, wzr, [x2]
        subs    x3, x3, #1
        b.ne    6b
        hvc     #0xea1
