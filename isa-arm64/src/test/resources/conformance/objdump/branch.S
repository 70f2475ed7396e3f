.arch armv8.1-a+crc
b .+0
bl .+0
b .+4
bl .+4
b .+-4
bl .+-4
b .+0x7fffffc
bl .+0x7fffffc
b .+-0x8000000
bl .+-0x8000000
b .+0x1000
bl .+0x1000
b.eq .+0
b.eq .+8
b.eq .+-8
b.eq .+0xffffc
b.eq .+-0x100000
b.ne .+0
b.ne .+8
b.ne .+-8
b.ne .+0xffffc
b.ne .+-0x100000
b.cs .+0
b.cs .+8
b.cs .+-8
b.cs .+0xffffc
b.cs .+-0x100000
b.cc .+0
b.cc .+8
b.cc .+-8
b.cc .+0xffffc
b.cc .+-0x100000
b.mi .+0
b.mi .+8
b.mi .+-8
b.mi .+0xffffc
b.mi .+-0x100000
b.pl .+0
b.pl .+8
b.pl .+-8
b.pl .+0xffffc
b.pl .+-0x100000
b.vs .+0
b.vs .+8
b.vs .+-8
b.vs .+0xffffc
b.vs .+-0x100000
b.vc .+0
b.vc .+8
b.vc .+-8
b.vc .+0xffffc
b.vc .+-0x100000
b.hi .+0
b.hi .+8
b.hi .+-8
b.hi .+0xffffc
b.hi .+-0x100000
b.ls .+0
b.ls .+8
b.ls .+-8
b.ls .+0xffffc
b.ls .+-0x100000
b.ge .+0
b.ge .+8
b.ge .+-8
b.ge .+0xffffc
b.ge .+-0x100000
b.lt .+0
b.lt .+8
b.lt .+-8
b.lt .+0xffffc
b.lt .+-0x100000
b.gt .+0
b.gt .+8
b.gt .+-8
b.gt .+0xffffc
b.gt .+-0x100000
b.le .+0
b.le .+8
b.le .+-8
b.le .+0xffffc
b.le .+-0x100000
b.al .+0
b.al .+8
b.al .+-8
b.al .+0xffffc
b.al .+-0x100000
b.nv .+0
b.nv .+8
b.nv .+-8
b.nv .+0xffffc
b.nv .+-0x100000
cbz x0, .+-64
cbnz w0, .+0
tbz w0, #0, .+0
tbnz x0, #32, .-0
tbz x0, #63, .+0x7ffc
tbnz w0, #31, .-0x8000
br x0
blr x0
ret x0
cbz x1, .+-60
cbnz w1, .+16
tbz w1, #1, .+4
tbnz x1, #33, .-4
tbz x1, #62, .+0x7ffc
tbnz w1, #30, .-0x8000
br x1
blr x1
ret x1
cbz x2, .+-56
cbnz w2, .+32
tbz w2, #2, .+8
tbnz x2, #34, .-8
tbz x2, #61, .+0x7ffc
tbnz w2, #29, .-0x8000
br x2
blr x2
ret x2
cbz x3, .+-52
cbnz w3, .+48
tbz w3, #3, .+12
tbnz x3, #35, .-12
tbz x3, #60, .+0x7ffc
tbnz w3, #28, .-0x8000
br x3
blr x3
ret x3
cbz x4, .+-48
cbnz w4, .+64
tbz w4, #4, .+16
tbnz x4, #36, .-16
tbz x4, #59, .+0x7ffc
tbnz w4, #27, .-0x8000
br x4
blr x4
ret x4
cbz x5, .+-44
cbnz w5, .+80
tbz w5, #5, .+20
tbnz x5, #37, .-20
tbz x5, #58, .+0x7ffc
tbnz w5, #26, .-0x8000
br x5
blr x5
ret x5
cbz x6, .+-40
cbnz w6, .+96
tbz w6, #6, .+24
tbnz x6, #38, .-24
tbz x6, #57, .+0x7ffc
tbnz w6, #25, .-0x8000
br x6
blr x6
ret x6
cbz x7, .+-36
cbnz w7, .+112
tbz w7, #7, .+28
tbnz x7, #39, .-28
tbz x7, #56, .+0x7ffc
tbnz w7, #24, .-0x8000
br x7
blr x7
ret x7
cbz x8, .+-32
cbnz w8, .+128
tbz w8, #8, .+32
tbnz x8, #40, .-32
tbz x8, #55, .+0x7ffc
tbnz w8, #23, .-0x8000
br x8
blr x8
ret x8
cbz x9, .+-28
cbnz w9, .+144
tbz w9, #9, .+36
tbnz x9, #41, .-36
tbz x9, #54, .+0x7ffc
tbnz w9, #22, .-0x8000
br x9
blr x9
ret x9
cbz x10, .+-24
cbnz w10, .+160
tbz w10, #10, .+40
tbnz x10, #42, .-40
tbz x10, #53, .+0x7ffc
tbnz w10, #21, .-0x8000
br x10
blr x10
ret x10
cbz x11, .+-20
cbnz w11, .+176
tbz w11, #11, .+44
tbnz x11, #43, .-44
tbz x11, #52, .+0x7ffc
tbnz w11, #20, .-0x8000
br x11
blr x11
ret x11
cbz x12, .+-16
cbnz w12, .+192
tbz w12, #12, .+48
tbnz x12, #44, .-48
tbz x12, #51, .+0x7ffc
tbnz w12, #19, .-0x8000
br x12
blr x12
ret x12
cbz x13, .+-12
cbnz w13, .+208
tbz w13, #13, .+52
tbnz x13, #45, .-52
tbz x13, #50, .+0x7ffc
tbnz w13, #18, .-0x8000
br x13
blr x13
ret x13
cbz x14, .+-8
cbnz w14, .+224
tbz w14, #14, .+56
tbnz x14, #46, .-56
tbz x14, #49, .+0x7ffc
tbnz w14, #17, .-0x8000
br x14
blr x14
ret x14
cbz x15, .+-4
cbnz w15, .+240
tbz w15, #15, .+60
tbnz x15, #47, .-60
tbz x15, #48, .+0x7ffc
tbnz w15, #16, .-0x8000
br x15
blr x15
ret x15
cbz x16, .+0
cbnz w16, .+256
tbz w16, #16, .+64
tbnz x16, #48, .-64
tbz x16, #47, .+0x7ffc
tbnz w16, #15, .-0x8000
br x16
blr x16
ret x16
cbz x17, .+4
cbnz w17, .+272
tbz w17, #17, .+68
tbnz x17, #49, .-68
tbz x17, #46, .+0x7ffc
tbnz w17, #14, .-0x8000
br x17
blr x17
ret x17
cbz x18, .+8
cbnz w18, .+288
tbz w18, #18, .+72
tbnz x18, #50, .-72
tbz x18, #45, .+0x7ffc
tbnz w18, #13, .-0x8000
br x18
blr x18
ret x18
cbz x19, .+12
cbnz w19, .+304
tbz w19, #19, .+76
tbnz x19, #51, .-76
tbz x19, #44, .+0x7ffc
tbnz w19, #12, .-0x8000
br x19
blr x19
ret x19
cbz x20, .+16
cbnz w20, .+320
tbz w20, #20, .+80
tbnz x20, #52, .-80
tbz x20, #43, .+0x7ffc
tbnz w20, #11, .-0x8000
br x20
blr x20
ret x20
cbz x21, .+20
cbnz w21, .+336
tbz w21, #21, .+84
tbnz x21, #53, .-84
tbz x21, #42, .+0x7ffc
tbnz w21, #10, .-0x8000
br x21
blr x21
ret x21
cbz x22, .+24
cbnz w22, .+352
tbz w22, #22, .+88
tbnz x22, #54, .-88
tbz x22, #41, .+0x7ffc
tbnz w22, #9, .-0x8000
br x22
blr x22
ret x22
cbz x23, .+28
cbnz w23, .+368
tbz w23, #23, .+92
tbnz x23, #55, .-92
tbz x23, #40, .+0x7ffc
tbnz w23, #8, .-0x8000
br x23
blr x23
ret x23
cbz x24, .+32
cbnz w24, .+384
tbz w24, #24, .+96
tbnz x24, #56, .-96
tbz x24, #39, .+0x7ffc
tbnz w24, #7, .-0x8000
br x24
blr x24
ret x24
cbz x25, .+36
cbnz w25, .+400
tbz w25, #25, .+100
tbnz x25, #57, .-100
tbz x25, #38, .+0x7ffc
tbnz w25, #6, .-0x8000
br x25
blr x25
ret x25
cbz x26, .+40
cbnz w26, .+416
tbz w26, #26, .+104
tbnz x26, #58, .-104
tbz x26, #37, .+0x7ffc
tbnz w26, #5, .-0x8000
br x26
blr x26
ret x26
cbz x27, .+44
cbnz w27, .+432
tbz w27, #27, .+108
tbnz x27, #59, .-108
tbz x27, #36, .+0x7ffc
tbnz w27, #4, .-0x8000
br x27
blr x27
ret x27
cbz x28, .+48
cbnz w28, .+448
tbz w28, #28, .+112
tbnz x28, #60, .-112
tbz x28, #35, .+0x7ffc
tbnz w28, #3, .-0x8000
br x28
blr x28
ret x28
cbz x29, .+52
cbnz w29, .+464
tbz w29, #29, .+116
tbnz x29, #61, .-116
tbz x29, #34, .+0x7ffc
tbnz w29, #2, .-0x8000
br x29
blr x29
ret x29
cbz x30, .+56
cbnz w30, .+480
tbz w30, #30, .+120
tbnz x30, #62, .-120
tbz x30, #33, .+0x7ffc
tbnz w30, #1, .-0x8000
br x30
blr x30
ret x30
cbz xzr, .+60
cbnz wzr, .+496
tbz wzr, #31, .+124
tbnz xzr, #63, .-124
tbz xzr, #32, .+0x7ffc
tbnz wzr, #0, .-0x8000
br xzr
blr xzr
ret xzr
cbz x1, .+0xffffc
cbnz w1, .-0x100000
svc #0
hvc #0
brk #0
udf #1
svc #1
hvc #1
brk #1
udf #2
svc #0xea1
hvc #0xea1
brk #0xea1
udf #3746
svc #0xffff
hvc #0xffff
brk #0xffff
udf #0
svc #0x1234
hvc #0x1234
brk #0x1234
udf #4661
hint #0
hint #1
hint #2
hint #3
hint #4
hint #5
hint #6
hint #7
hint #8
hint #9
hint #10
hint #11
hint #12
hint #13
hint #14
hint #15
hint #16
hint #17
hint #18
hint #19
hint #20
hint #21
hint #22
hint #23
hint #24
hint #25
hint #26
hint #27
hint #28
hint #29
hint #30
hint #31
hint #32
hint #33
hint #34
hint #35
hint #36
hint #37
hint #38
hint #39
hint #40
hint #41
hint #42
hint #43
hint #44
hint #45
hint #46
hint #47
hint #48
hint #49
hint #50
hint #51
hint #52
hint #53
hint #54
hint #55
hint #56
hint #57
hint #58
hint #59
hint #60
hint #61
hint #62
hint #63
hint #64
hint #65
hint #66
hint #67
hint #68
hint #69
hint #70
hint #71
hint #72
hint #73
hint #74
hint #75
hint #76
hint #77
hint #78
hint #79
hint #80
hint #81
hint #82
hint #83
hint #84
hint #85
hint #86
hint #87
hint #88
hint #89
hint #90
hint #91
hint #92
hint #93
hint #94
hint #95
hint #96
hint #97
hint #98
hint #99
hint #100
hint #101
hint #102
hint #103
hint #104
hint #105
hint #106
hint #107
hint #108
hint #109
hint #110
hint #111
hint #112
hint #113
hint #114
hint #115
hint #116
hint #117
hint #118
hint #119
hint #120
hint #121
hint #122
hint #123
hint #124
hint #125
hint #126
hint #127
dsb #0
dmb #0
isb #0
clrex #0
dsb #1
dmb #1
isb #1
clrex #1
dsb #2
dmb #2
isb #2
clrex #2
dsb #3
dmb #3
isb #3
clrex #3
dsb #4
dmb #4
isb #4
clrex #4
dsb #5
dmb #5
isb #5
clrex #5
dsb #6
dmb #6
isb #6
clrex #6
dsb #7
dmb #7
isb #7
clrex #7
dsb #8
dmb #8
isb #8
clrex #8
dsb #9
dmb #9
isb #9
clrex #9
dsb #10
dmb #10
isb #10
clrex #10
dsb #11
dmb #11
isb #11
clrex #11
dsb #12
dmb #12
isb #12
clrex #12
dsb #13
dmb #13
isb #13
clrex #13
dsb #14
dmb #14
isb #14
clrex #14
dsb #15
dmb #15
isb #15
clrex #15
msr daifset, #0
msr daifclr, #0
msr daifset, #1
msr daifclr, #1
msr daifset, #2
msr daifclr, #2
msr daifset, #3
msr daifclr, #3
msr daifset, #4
msr daifclr, #4
msr daifset, #5
msr daifclr, #5
msr daifset, #6
msr daifclr, #6
msr daifset, #7
msr daifclr, #7
msr daifset, #8
msr daifclr, #8
msr daifset, #9
msr daifclr, #9
msr daifset, #10
msr daifclr, #10
msr daifset, #11
msr daifclr, #11
msr daifset, #12
msr daifclr, #12
msr daifset, #13
msr daifclr, #13
msr daifset, #14
msr daifclr, #14
msr daifset, #15
msr daifclr, #15
mrs x0, nzcv
msr nzcv, x0
mrs x0, daif
msr daif, x0
mrs x0, currentel
mrs x1, nzcv
msr nzcv, x1
mrs x1, daif
msr daif, x1
mrs x1, currentel
mrs x2, nzcv
msr nzcv, x2
mrs x2, daif
msr daif, x2
mrs x2, currentel
mrs x3, nzcv
msr nzcv, x3
mrs x3, daif
msr daif, x3
mrs x3, currentel
mrs x4, nzcv
msr nzcv, x4
mrs x4, daif
msr daif, x4
mrs x4, currentel
mrs x5, nzcv
msr nzcv, x5
mrs x5, daif
msr daif, x5
mrs x5, currentel
mrs x6, nzcv
msr nzcv, x6
mrs x6, daif
msr daif, x6
mrs x6, currentel
mrs x7, nzcv
msr nzcv, x7
mrs x7, daif
msr daif, x7
mrs x7, currentel
mrs x8, nzcv
msr nzcv, x8
mrs x8, daif
msr daif, x8
mrs x8, currentel
mrs x9, nzcv
msr nzcv, x9
mrs x9, daif
msr daif, x9
mrs x9, currentel
mrs x10, nzcv
msr nzcv, x10
mrs x10, daif
msr daif, x10
mrs x10, currentel
mrs x11, nzcv
msr nzcv, x11
mrs x11, daif
msr daif, x11
mrs x11, currentel
mrs x12, nzcv
msr nzcv, x12
mrs x12, daif
msr daif, x12
mrs x12, currentel
mrs x13, nzcv
msr nzcv, x13
mrs x13, daif
msr daif, x13
mrs x13, currentel
mrs x14, nzcv
msr nzcv, x14
mrs x14, daif
msr daif, x14
mrs x14, currentel
mrs x15, nzcv
msr nzcv, x15
mrs x15, daif
msr daif, x15
mrs x15, currentel
mrs x16, nzcv
msr nzcv, x16
mrs x16, daif
msr daif, x16
mrs x16, currentel
mrs x17, nzcv
msr nzcv, x17
mrs x17, daif
msr daif, x17
mrs x17, currentel
mrs x18, nzcv
msr nzcv, x18
mrs x18, daif
msr daif, x18
mrs x18, currentel
mrs x19, nzcv
msr nzcv, x19
mrs x19, daif
msr daif, x19
mrs x19, currentel
mrs x20, nzcv
msr nzcv, x20
mrs x20, daif
msr daif, x20
mrs x20, currentel
mrs x21, nzcv
msr nzcv, x21
mrs x21, daif
msr daif, x21
mrs x21, currentel
mrs x22, nzcv
msr nzcv, x22
mrs x22, daif
msr daif, x22
mrs x22, currentel
mrs x23, nzcv
msr nzcv, x23
mrs x23, daif
msr daif, x23
mrs x23, currentel
mrs x24, nzcv
msr nzcv, x24
mrs x24, daif
msr daif, x24
mrs x24, currentel
mrs x25, nzcv
msr nzcv, x25
mrs x25, daif
msr daif, x25
mrs x25, currentel
mrs x26, nzcv
msr nzcv, x26
mrs x26, daif
msr daif, x26
mrs x26, currentel
mrs x27, nzcv
msr nzcv, x27
mrs x27, daif
msr daif, x27
mrs x27, currentel
mrs x28, nzcv
msr nzcv, x28
mrs x28, daif
msr daif, x28
mrs x28, currentel
mrs x29, nzcv
msr nzcv, x29
mrs x29, daif
msr daif, x29
mrs x29, currentel
mrs x30, nzcv
msr nzcv, x30
mrs x30, daif
msr daif, x30
mrs x30, currentel
mrs xzr, nzcv
msr nzcv, xzr
mrs xzr, daif
msr daif, xzr
mrs xzr, currentel
.inst 0xd50330ff   // sb (FEAT_SB: as needs -march for the mnemonic)
dsb sy
dmb ish
isb
clrex
