.arch armv8.1-a
sturh w1, [x2, #255]
str w1, [x2, #0]!
str w1, [x2], #0
str w1, [x2, #-256]!
str w1, [x2], #255
stur w1, [x2, #0]
stur w1, [sp, #-256]
stur w1, [x2, #255]
str x1, [x2, #0]!
str x1, [x2], #0
str x1, [x2, #-256]!
str x1, [x2], #255
stur x1, [x2, #0]
stur x1, [sp, #-256]
stur x1, [x2, #255]
ldr x1, .+0
ldr w2, .+0
ldrsw x3, .+0
ldr x1, .+4
ldr w2, .+4
ldrsw x3, .+4
ldr x1, .+-4
ldr w2, .+-4
ldrsw x3, .+-4
ldr x1, .+0xffffc
ldr w2, .+0xffffc
ldrsw x3, .+0xffffc
ldr x1, .+-0x100000
ldr w2, .+-0x100000
ldrsw x3, .+-0x100000
ldp x1, x2, [x3, #-512]
stp x1, x2, [sp, #-512]!
ldp x1, x2, [x3], #-512
ldp x1, x2, [x3, #0]
stp x1, x2, [sp, #0]!
ldp x1, x2, [x3], #0
ldp x1, x2, [x3, #8]
stp x1, x2, [sp, #8]!
ldp x1, x2, [x3], #8
ldp x1, x2, [x3, #504]
stp x1, x2, [sp, #504]!
ldp x1, x2, [x3], #504
ldp w1, w2, [x3, #-256]
stp w1, w2, [sp, #-256]!
ldpsw x1, x2, [x3], #-256
ldp w1, w2, [x3, #0]
stp w1, w2, [sp, #0]!
ldpsw x1, x2, [x3], #0
ldp w1, w2, [x3, #4]
stp w1, w2, [sp, #4]!
ldpsw x1, x2, [x3], #4
ldp w1, w2, [x3, #252]
stp w1, w2, [sp, #252]!
ldpsw x1, x2, [x3], #252
