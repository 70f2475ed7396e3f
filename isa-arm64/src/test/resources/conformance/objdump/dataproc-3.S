.arch armv8.1-a
rev w30, w11
clz x11, x30
clz w30, w11
cls x11, x30
cls w30, w11
rev32 x11, x30
rbit x12, x9
rbit w9, w12
rev16 x12, x9
rev16 w9, w12
rev x12, x9
rev w9, w12
clz x12, x9
clz w9, w12
cls x12, x9
cls w9, w12
rev32 x12, x9
rbit x13, x20
rbit w20, w13
rev16 x13, x20
rev16 w20, w13
rev x13, x20
rev w20, w13
clz x13, x20
clz w20, w13
cls x13, x20
cls w20, w13
rev32 x13, x20
rbit x14, xzr
rbit wzr, w14
rev16 x14, xzr
rev16 wzr, w14
rev x14, xzr
rev wzr, w14
clz x14, xzr
clz wzr, w14
cls x14, xzr
cls wzr, w14
rev32 x14, xzr
rbit x15, x10
rbit w10, w15
rev16 x15, x10
rev16 w10, w15
rev x15, x10
rev w10, w15
clz x15, x10
clz w10, w15
cls x15, x10
cls w10, w15
rev32 x15, x10
rbit x16, x21
rbit w21, w16
rev16 x16, x21
rev16 w21, w16
rev x16, x21
rev w21, w16
clz x16, x21
clz w21, w16
cls x16, x21
cls w21, w16
rev32 x16, x21
rbit x17, x0
rbit w0, w17
rev16 x17, x0
rev16 w0, w17
rev x17, x0
rev w0, w17
clz x17, x0
clz w0, w17
cls x17, x0
cls w0, w17
rev32 x17, x0
rbit x18, x11
rbit w11, w18
rev16 x18, x11
rev16 w11, w18
rev x18, x11
rev w11, w18
clz x18, x11
clz w11, w18
cls x18, x11
cls w11, w18
rev32 x18, x11
rbit x19, x22
rbit w22, w19
rev16 x19, x22
rev16 w22, w19
rev x19, x22
rev w22, w19
clz x19, x22
clz w22, w19
cls x19, x22
cls w22, w19
rev32 x19, x22
rbit x20, x1
rbit w1, w20
rev16 x20, x1
rev16 w1, w20
rev x20, x1
rev w1, w20
clz x20, x1
clz w1, w20
cls x20, x1
cls w1, w20
rev32 x20, x1
rbit x21, x12
rbit w12, w21
rev16 x21, x12
rev16 w12, w21
rev x21, x12
rev w12, w21
clz x21, x12
clz w12, w21
cls x21, x12
cls w12, w21
rev32 x21, x12
rbit x22, x23
rbit w23, w22
rev16 x22, x23
rev16 w23, w22
rev x22, x23
rev w23, w22
clz x22, x23
clz w23, w22
cls x22, x23
cls w23, w22
rev32 x22, x23
rbit x23, x2
rbit w2, w23
rev16 x23, x2
rev16 w2, w23
rev x23, x2
rev w2, w23
clz x23, x2
clz w2, w23
cls x23, x2
cls w2, w23
rev32 x23, x2
rbit x24, x13
rbit w13, w24
rev16 x24, x13
rev16 w13, w24
rev x24, x13
rev w13, w24
clz x24, x13
clz w13, w24
cls x24, x13
cls w13, w24
rev32 x24, x13
rbit x25, x24
rbit w24, w25
rev16 x25, x24
rev16 w24, w25
rev x25, x24
rev w24, w25
clz x25, x24
clz w24, w25
cls x25, x24
cls w24, w25
rev32 x25, x24
rbit x26, x3
rbit w3, w26
rev16 x26, x3
rev16 w3, w26
rev x26, x3
rev w3, w26
clz x26, x3
clz w3, w26
cls x26, x3
cls w3, w26
rev32 x26, x3
rbit x27, x14
rbit w14, w27
rev16 x27, x14
rev16 w14, w27
rev x27, x14
rev w14, w27
clz x27, x14
clz w14, w27
cls x27, x14
cls w14, w27
rev32 x27, x14
rbit x28, x25
rbit w25, w28
rev16 x28, x25
rev16 w25, w28
rev x28, x25
rev w25, w28
clz x28, x25
clz w25, w28
cls x28, x25
cls w25, w28
rev32 x28, x25
rbit x29, x4
rbit w4, w29
rev16 x29, x4
rev16 w4, w29
rev x29, x4
rev w4, w29
clz x29, x4
clz w4, w29
cls x29, x4
cls w4, w29
rev32 x29, x4
rbit x30, x15
rbit w15, w30
rev16 x30, x15
rev16 w15, w30
rev x30, x15
rev w15, w30
clz x30, x15
clz w15, w30
cls x30, x15
cls w15, w30
rev32 x30, x15
rbit xzr, x26
rbit w26, wzr
rev16 xzr, x26
rev16 w26, wzr
rev xzr, x26
rev w26, wzr
clz xzr, x26
clz w26, wzr
cls xzr, x26
cls w26, wzr
rev32 xzr, x26
extr w1, w2, w3, #0
extr w4, w5, w5, #0
extr w1, w2, w3, #1
extr w4, w5, w5, #1
extr w1, w2, w3, #31
extr w4, w5, w5, #31
extr x1, x2, x3, #0
extr x4, x5, x5, #0
extr x1, x2, x3, #1
extr x4, x5, x5, #1
extr x1, x2, x3, #32
extr x4, x5, x5, #32
extr x1, x2, x3, #63
extr x4, x5, x5, #63
csel x1, x2, x3, eq
csel w4, wzr, w5, eq
csinc x1, x2, x3, eq
csinc x1, x2, x2, eq
csinc w1, wzr, wzr, eq
csinv x1, x2, x3, eq
csinv w1, w2, w2, eq
csinv x1, xzr, xzr, eq
csneg x1, x2, x3, eq
csneg x1, x2, x2, eq
csneg w1, wzr, wzr, eq
ccmp x1, #31, #15, eq
ccmp w2, w3, #0, eq
ccmn xzr, #0, #8, eq
ccmn w4, wzr, #7, eq
csel x1, x2, x3, ne
csel w4, wzr, w5, ne
csinc x1, x2, x3, ne
csinc x1, x2, x2, ne
csinc w1, wzr, wzr, ne
csinv x1, x2, x3, ne
csinv w1, w2, w2, ne
csinv x1, xzr, xzr, ne
csneg x1, x2, x3, ne
csneg x1, x2, x2, ne
csneg w1, wzr, wzr, ne
ccmp x1, #31, #15, ne
ccmp w2, w3, #0, ne
ccmn xzr, #0, #8, ne
ccmn w4, wzr, #7, ne
csel x1, x2, x3, cs
csel w4, wzr, w5, cs
csinc x1, x2, x3, cs
csinc x1, x2, x2, cs
csinc w1, wzr, wzr, cs
csinv x1, x2, x3, cs
csinv w1, w2, w2, cs
csinv x1, xzr, xzr, cs
csneg x1, x2, x3, cs
csneg x1, x2, x2, cs
csneg w1, wzr, wzr, cs
ccmp x1, #31, #15, cs
ccmp w2, w3, #0, cs
ccmn xzr, #0, #8, cs
ccmn w4, wzr, #7, cs
csel x1, x2, x3, cc
csel w4, wzr, w5, cc
csinc x1, x2, x3, cc
csinc x1, x2, x2, cc
csinc w1, wzr, wzr, cc
csinv x1, x2, x3, cc
csinv w1, w2, w2, cc
csinv x1, xzr, xzr, cc
csneg x1, x2, x3, cc
csneg x1, x2, x2, cc
csneg w1, wzr, wzr, cc
ccmp x1, #31, #15, cc
ccmp w2, w3, #0, cc
ccmn xzr, #0, #8, cc
ccmn w4, wzr, #7, cc
csel x1, x2, x3, mi
csel w4, wzr, w5, mi
csinc x1, x2, x3, mi
csinc x1, x2, x2, mi
csinc w1, wzr, wzr, mi
csinv x1, x2, x3, mi
csinv w1, w2, w2, mi
csinv x1, xzr, xzr, mi
csneg x1, x2, x3, mi
csneg x1, x2, x2, mi
csneg w1, wzr, wzr, mi
ccmp x1, #31, #15, mi
ccmp w2, w3, #0, mi
ccmn xzr, #0, #8, mi
ccmn w4, wzr, #7, mi
csel x1, x2, x3, pl
csel w4, wzr, w5, pl
csinc x1, x2, x3, pl
csinc x1, x2, x2, pl
csinc w1, wzr, wzr, pl
csinv x1, x2, x3, pl
csinv w1, w2, w2, pl
csinv x1, xzr, xzr, pl
csneg x1, x2, x3, pl
csneg x1, x2, x2, pl
csneg w1, wzr, wzr, pl
ccmp x1, #31, #15, pl
ccmp w2, w3, #0, pl
ccmn xzr, #0, #8, pl
ccmn w4, wzr, #7, pl
csel x1, x2, x3, vs
csel w4, wzr, w5, vs
csinc x1, x2, x3, vs
csinc x1, x2, x2, vs
csinc w1, wzr, wzr, vs
csinv x1, x2, x3, vs
csinv w1, w2, w2, vs
csinv x1, xzr, xzr, vs
csneg x1, x2, x3, vs
csneg x1, x2, x2, vs
csneg w1, wzr, wzr, vs
ccmp x1, #31, #15, vs
ccmp w2, w3, #0, vs
ccmn xzr, #0, #8, vs
ccmn w4, wzr, #7, vs
csel x1, x2, x3, vc
csel w4, wzr, w5, vc
csinc x1, x2, x3, vc
csinc x1, x2, x2, vc
csinc w1, wzr, wzr, vc
csinv x1, x2, x3, vc
csinv w1, w2, w2, vc
csinv x1, xzr, xzr, vc
csneg x1, x2, x3, vc
csneg x1, x2, x2, vc
csneg w1, wzr, wzr, vc
ccmp x1, #31, #15, vc
ccmp w2, w3, #0, vc
ccmn xzr, #0, #8, vc
ccmn w4, wzr, #7, vc
csel x1, x2, x3, hi
csel w4, wzr, w5, hi
csinc x1, x2, x3, hi
csinc x1, x2, x2, hi
csinc w1, wzr, wzr, hi
csinv x1, x2, x3, hi
csinv w1, w2, w2, hi
csinv x1, xzr, xzr, hi
csneg x1, x2, x3, hi
csneg x1, x2, x2, hi
csneg w1, wzr, wzr, hi
ccmp x1, #31, #15, hi
ccmp w2, w3, #0, hi
ccmn xzr, #0, #8, hi
ccmn w4, wzr, #7, hi
csel x1, x2, x3, ls
csel w4, wzr, w5, ls
csinc x1, x2, x3, ls
csinc x1, x2, x2, ls
csinc w1, wzr, wzr, ls
csinv x1, x2, x3, ls
csinv w1, w2, w2, ls
csinv x1, xzr, xzr, ls
csneg x1, x2, x3, ls
csneg x1, x2, x2, ls
csneg w1, wzr, wzr, ls
ccmp x1, #31, #15, ls
ccmp w2, w3, #0, ls
ccmn xzr, #0, #8, ls
ccmn w4, wzr, #7, ls
csel x1, x2, x3, ge
csel w4, wzr, w5, ge
csinc x1, x2, x3, ge
csinc x1, x2, x2, ge
csinc w1, wzr, wzr, ge
csinv x1, x2, x3, ge
csinv w1, w2, w2, ge
csinv x1, xzr, xzr, ge
csneg x1, x2, x3, ge
csneg x1, x2, x2, ge
csneg w1, wzr, wzr, ge
ccmp x1, #31, #15, ge
ccmp w2, w3, #0, ge
ccmn xzr, #0, #8, ge
ccmn w4, wzr, #7, ge
csel x1, x2, x3, lt
csel w4, wzr, w5, lt
csinc x1, x2, x3, lt
csinc x1, x2, x2, lt
csinc w1, wzr, wzr, lt
csinv x1, x2, x3, lt
csinv w1, w2, w2, lt
csinv x1, xzr, xzr, lt
csneg x1, x2, x3, lt
csneg x1, x2, x2, lt
csneg w1, wzr, wzr, lt
ccmp x1, #31, #15, lt
ccmp w2, w3, #0, lt
ccmn xzr, #0, #8, lt
ccmn w4, wzr, #7, lt
csel x1, x2, x3, gt
csel w4, wzr, w5, gt
csinc x1, x2, x3, gt
csinc x1, x2, x2, gt
csinc w1, wzr, wzr, gt
csinv x1, x2, x3, gt
csinv w1, w2, w2, gt
csinv x1, xzr, xzr, gt
csneg x1, x2, x3, gt
csneg x1, x2, x2, gt
csneg w1, wzr, wzr, gt
ccmp x1, #31, #15, gt
ccmp w2, w3, #0, gt
ccmn xzr, #0, #8, gt
ccmn w4, wzr, #7, gt
csel x1, x2, x3, le
csel w4, wzr, w5, le
csinc x1, x2, x3, le
csinc x1, x2, x2, le
csinc w1, wzr, wzr, le
csinv x1, x2, x3, le
csinv w1, w2, w2, le
csinv x1, xzr, xzr, le
csneg x1, x2, x3, le
csneg x1, x2, x2, le
csneg w1, wzr, wzr, le
ccmp x1, #31, #15, le
ccmp w2, w3, #0, le
ccmn xzr, #0, #8, le
ccmn w4, wzr, #7, le
csel x1, x2, x3, al
csel w4, wzr, w5, al
csinc x1, x2, x3, al
csinc x1, x2, x2, al
csinc w1, wzr, wzr, al
csinv x1, x2, x3, al
csinv w1, w2, w2, al
csinv x1, xzr, xzr, al
csneg x1, x2, x3, al
csneg x1, x2, x2, al
csneg w1, wzr, wzr, al
ccmp x1, #31, #15, al
ccmp w2, w3, #0, al
ccmn xzr, #0, #8, al
ccmn w4, wzr, #7, al
csel x1, x2, x3, nv
csel w4, wzr, w5, nv
csinc x1, x2, x3, nv
csinc x1, x2, x2, nv
csinc w1, wzr, wzr, nv
csinv x1, x2, x3, nv
csinv w1, w2, w2, nv
csinv x1, xzr, xzr, nv
csneg x1, x2, x3, nv
csneg x1, x2, x2, nv
csneg w1, wzr, wzr, nv
ccmp x1, #31, #15, nv
ccmp w2, w3, #0, nv
ccmn xzr, #0, #8, nv
ccmn w4, wzr, #7, nv
adr x1, .+0
adr x1, .+4
adr x1, .+-4
adr x1, .+0xffffc
adr x1, .+-0x100000
adr x1, .+0x1234
adrp x2, .+0
adrp xzr, .+0
adrp x2, .+0x1000
adrp xzr, .+0x1000
adrp x2, .+-0x1000
adrp xzr, .+-0x1000
adrp x2, .+0xfffff000
adrp xzr, .+0xfffff000
adrp x2, .+-0x100000000
adrp xzr, .+-0x100000000
