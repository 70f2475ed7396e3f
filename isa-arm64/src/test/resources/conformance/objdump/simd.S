.arch armv8.1-a+crc
fadd s0, s1, s9
fsub s0, s1, s9
fmul s0, s1, s9
fdiv s0, s1, s9
fmax s0, s1, s9
fmin s0, s1, s9
fmaxnm s0, s1, s9
fminnm s0, s1, s9
fnmul s0, s1, s9
fmadd s0, s1, s9, s17
fmsub s0, s1, s9, s17
fnmadd s0, s1, s9, s17
fnmsub s0, s1, s9, s17
fmov s0, s1
fabs s0, s1
fneg s0, s1
fsqrt s0, s1
frintn s0, s1
frintp s0, s1
frintm s0, s1
frintz s0, s1
frinta s0, s1
frintx s0, s1
frinti s0, s1
fcmp s0, s1
fcmpe s0, s1
fcmp s0, #0.0
fcmpe s0, #0.0
fccmp s0, s1, #0, eq
fccmpe s1, s9, #15, eq
fcsel s0, s1, s9, eq
fccmp s0, s1, #0, ne
fccmpe s1, s9, #15, ne
fcsel s0, s1, s9, ne
fccmp s0, s1, #0, hs
fccmpe s1, s9, #15, hs
fcsel s0, s1, s9, hs
fccmp s0, s1, #0, lo
fccmpe s1, s9, #15, lo
fcsel s0, s1, s9, lo
fccmp s0, s1, #0, mi
fccmpe s1, s9, #15, mi
fcsel s0, s1, s9, mi
fccmp s0, s1, #0, pl
fccmpe s1, s9, #15, pl
fcsel s0, s1, s9, pl
fccmp s0, s1, #0, vs
fccmpe s1, s9, #15, vs
fcsel s0, s1, s9, vs
fccmp s0, s1, #0, vc
fccmpe s1, s9, #15, vc
fcsel s0, s1, s9, vc
fccmp s0, s1, #0, hi
fccmpe s1, s9, #15, hi
fcsel s0, s1, s9, hi
fccmp s0, s1, #0, ls
fccmpe s1, s9, #15, ls
fcsel s0, s1, s9, ls
fccmp s0, s1, #0, ge
fccmpe s1, s9, #15, ge
fcsel s0, s1, s9, ge
fccmp s0, s1, #0, lt
fccmpe s1, s9, #15, lt
fcsel s0, s1, s9, lt
fccmp s0, s1, #0, gt
fccmpe s1, s9, #15, gt
fcsel s0, s1, s9, gt
fccmp s0, s1, #0, le
fccmpe s1, s9, #15, le
fcsel s0, s1, s9, le
fccmp s0, s1, #0, al
fccmpe s1, s9, #15, al
fcsel s0, s1, s9, al
fccmp s0, s1, #0, nv
fccmpe s1, s9, #15, nv
fcsel s0, s1, s9, nv
fcvtns w0, s1
fcvtns x0, s1
fcvtnu w0, s1
fcvtnu x0, s1
fcvtas w0, s1
fcvtas x0, s1
fcvtau w0, s1
fcvtau x0, s1
fcvtps w0, s1
fcvtps x0, s1
fcvtpu w0, s1
fcvtpu x0, s1
fcvtms w0, s1
fcvtms x0, s1
fcvtmu w0, s1
fcvtmu x0, s1
fcvtzs w0, s1
fcvtzs x0, s1
fcvtzu w0, s1
fcvtzu x0, s1
scvtf s0, w1
scvtf s0, x1
ucvtf s0, w1
ucvtf s0, x1
fadd s7, s8, s16
fsub s7, s8, s16
fmul s7, s8, s16
fdiv s7, s8, s16
fmax s7, s8, s16
fmin s7, s8, s16
fmaxnm s7, s8, s16
fminnm s7, s8, s16
fnmul s7, s8, s16
fmadd s7, s8, s16, s24
fmsub s7, s8, s16, s24
fnmadd s7, s8, s16, s24
fnmsub s7, s8, s16, s24
fmov s7, s8
fabs s7, s8
fneg s7, s8
fsqrt s7, s8
frintn s7, s8
frintp s7, s8
frintm s7, s8
frintz s7, s8
frinta s7, s8
frintx s7, s8
frinti s7, s8
fcmp s7, s8
fcmpe s7, s8
fcmp s7, #0.0
fcmpe s7, #0.0
fccmp s7, s8, #7, eq
fccmpe s8, s16, #15, eq
fcsel s7, s8, s16, eq
fccmp s7, s8, #7, ne
fccmpe s8, s16, #15, ne
fcsel s7, s8, s16, ne
fccmp s7, s8, #7, hs
fccmpe s8, s16, #15, hs
fcsel s7, s8, s16, hs
fccmp s7, s8, #7, lo
fccmpe s8, s16, #15, lo
fcsel s7, s8, s16, lo
fccmp s7, s8, #7, mi
fccmpe s8, s16, #15, mi
fcsel s7, s8, s16, mi
fccmp s7, s8, #7, pl
fccmpe s8, s16, #15, pl
fcsel s7, s8, s16, pl
fccmp s7, s8, #7, vs
fccmpe s8, s16, #15, vs
fcsel s7, s8, s16, vs
fccmp s7, s8, #7, vc
fccmpe s8, s16, #15, vc
fcsel s7, s8, s16, vc
fccmp s7, s8, #7, hi
fccmpe s8, s16, #15, hi
fcsel s7, s8, s16, hi
fccmp s7, s8, #7, ls
fccmpe s8, s16, #15, ls
fcsel s7, s8, s16, ls
fccmp s7, s8, #7, ge
fccmpe s8, s16, #15, ge
fcsel s7, s8, s16, ge
fccmp s7, s8, #7, lt
fccmpe s8, s16, #15, lt
fcsel s7, s8, s16, lt
fccmp s7, s8, #7, gt
fccmpe s8, s16, #15, gt
fcsel s7, s8, s16, gt
fccmp s7, s8, #7, le
fccmpe s8, s16, #15, le
fcsel s7, s8, s16, le
fccmp s7, s8, #7, al
fccmpe s8, s16, #15, al
fcsel s7, s8, s16, al
fccmp s7, s8, #7, nv
fccmpe s8, s16, #15, nv
fcsel s7, s8, s16, nv
fcvtns w7, s8
fcvtns x7, s8
fcvtnu w7, s8
fcvtnu x7, s8
fcvtas w7, s8
fcvtas x7, s8
fcvtau w7, s8
fcvtau x7, s8
fcvtps w7, s8
fcvtps x7, s8
fcvtpu w7, s8
fcvtpu x7, s8
fcvtms w7, s8
fcvtms x7, s8
fcvtmu w7, s8
fcvtmu x7, s8
fcvtzs w7, s8
fcvtzs x7, s8
fcvtzu w7, s8
fcvtzu x7, s8
scvtf s7, w8
scvtf s7, x8
ucvtf s7, w8
ucvtf s7, x8
fadd s31, s0, s8
fsub s31, s0, s8
fmul s31, s0, s8
fdiv s31, s0, s8
fmax s31, s0, s8
fmin s31, s0, s8
fmaxnm s31, s0, s8
fminnm s31, s0, s8
fnmul s31, s0, s8
fmadd s31, s0, s8, s16
fmsub s31, s0, s8, s16
fnmadd s31, s0, s8, s16
fnmsub s31, s0, s8, s16
fmov s31, s0
fabs s31, s0
fneg s31, s0
fsqrt s31, s0
frintn s31, s0
frintp s31, s0
frintm s31, s0
frintz s31, s0
frinta s31, s0
frintx s31, s0
frinti s31, s0
fcmp s31, s0
fcmpe s31, s0
fcmp s31, #0.0
fcmpe s31, #0.0
fccmp s31, s0, #15, eq
fccmpe s0, s8, #15, eq
fcsel s31, s0, s8, eq
fccmp s31, s0, #15, ne
fccmpe s0, s8, #15, ne
fcsel s31, s0, s8, ne
fccmp s31, s0, #15, hs
fccmpe s0, s8, #15, hs
fcsel s31, s0, s8, hs
fccmp s31, s0, #15, lo
fccmpe s0, s8, #15, lo
fcsel s31, s0, s8, lo
fccmp s31, s0, #15, mi
fccmpe s0, s8, #15, mi
fcsel s31, s0, s8, mi
fccmp s31, s0, #15, pl
fccmpe s0, s8, #15, pl
fcsel s31, s0, s8, pl
fccmp s31, s0, #15, vs
fccmpe s0, s8, #15, vs
fcsel s31, s0, s8, vs
fccmp s31, s0, #15, vc
fccmpe s0, s8, #15, vc
fcsel s31, s0, s8, vc
fccmp s31, s0, #15, hi
fccmpe s0, s8, #15, hi
fcsel s31, s0, s8, hi
fccmp s31, s0, #15, ls
fccmpe s0, s8, #15, ls
fcsel s31, s0, s8, ls
fccmp s31, s0, #15, ge
fccmpe s0, s8, #15, ge
fcsel s31, s0, s8, ge
fccmp s31, s0, #15, lt
fccmpe s0, s8, #15, lt
fcsel s31, s0, s8, lt
fccmp s31, s0, #15, gt
fccmpe s0, s8, #15, gt
fcsel s31, s0, s8, gt
fccmp s31, s0, #15, le
fccmpe s0, s8, #15, le
fcsel s31, s0, s8, le
fccmp s31, s0, #15, al
fccmpe s0, s8, #15, al
fcsel s31, s0, s8, al
fccmp s31, s0, #15, nv
fccmpe s0, s8, #15, nv
fcsel s31, s0, s8, nv
fcvtns wzr, s0
fcvtns xzr, s0
fcvtnu wzr, s0
fcvtnu xzr, s0
fcvtas wzr, s0
fcvtas xzr, s0
fcvtau wzr, s0
fcvtau xzr, s0
fcvtps wzr, s0
fcvtps xzr, s0
fcvtpu wzr, s0
fcvtpu xzr, s0
fcvtms wzr, s0
fcvtms xzr, s0
fcvtmu wzr, s0
fcvtmu xzr, s0
fcvtzs wzr, s0
fcvtzs xzr, s0
fcvtzu wzr, s0
fcvtzu xzr, s0
scvtf s31, w0
scvtf s31, x0
ucvtf s31, w0
ucvtf s31, x0
fmov s3, #1.0
fmov s3, #-1.0
fmov s3, #0.125
fmov s3, #31.0
fmov s3, #-2.5
fmov s3, #0.1875
fmov s3, #17.0
fmov s3, #1.9375
fadd d0, d1, d9
fsub d0, d1, d9
fmul d0, d1, d9
fdiv d0, d1, d9
fmax d0, d1, d9
fmin d0, d1, d9
fmaxnm d0, d1, d9
fminnm d0, d1, d9
fnmul d0, d1, d9
fmadd d0, d1, d9, d17
fmsub d0, d1, d9, d17
fnmadd d0, d1, d9, d17
fnmsub d0, d1, d9, d17
fmov d0, d1
fabs d0, d1
fneg d0, d1
fsqrt d0, d1
frintn d0, d1
frintp d0, d1
frintm d0, d1
frintz d0, d1
frinta d0, d1
frintx d0, d1
frinti d0, d1
fcmp d0, d1
fcmpe d0, d1
fcmp d0, #0.0
fcmpe d0, #0.0
fccmp d0, d1, #0, eq
fccmpe d1, d9, #15, eq
fcsel d0, d1, d9, eq
fccmp d0, d1, #0, ne
fccmpe d1, d9, #15, ne
fcsel d0, d1, d9, ne
fccmp d0, d1, #0, hs
fccmpe d1, d9, #15, hs
fcsel d0, d1, d9, hs
fccmp d0, d1, #0, lo
fccmpe d1, d9, #15, lo
fcsel d0, d1, d9, lo
fccmp d0, d1, #0, mi
fccmpe d1, d9, #15, mi
fcsel d0, d1, d9, mi
fccmp d0, d1, #0, pl
fccmpe d1, d9, #15, pl
fcsel d0, d1, d9, pl
fccmp d0, d1, #0, vs
fccmpe d1, d9, #15, vs
fcsel d0, d1, d9, vs
fccmp d0, d1, #0, vc
fccmpe d1, d9, #15, vc
fcsel d0, d1, d9, vc
fccmp d0, d1, #0, hi
fccmpe d1, d9, #15, hi
fcsel d0, d1, d9, hi
fccmp d0, d1, #0, ls
fccmpe d1, d9, #15, ls
fcsel d0, d1, d9, ls
fccmp d0, d1, #0, ge
fccmpe d1, d9, #15, ge
fcsel d0, d1, d9, ge
fccmp d0, d1, #0, lt
fccmpe d1, d9, #15, lt
fcsel d0, d1, d9, lt
fccmp d0, d1, #0, gt
fccmpe d1, d9, #15, gt
fcsel d0, d1, d9, gt
fccmp d0, d1, #0, le
fccmpe d1, d9, #15, le
fcsel d0, d1, d9, le
fccmp d0, d1, #0, al
fccmpe d1, d9, #15, al
fcsel d0, d1, d9, al
fccmp d0, d1, #0, nv
fccmpe d1, d9, #15, nv
fcsel d0, d1, d9, nv
fcvtns w0, d1
fcvtns x0, d1
fcvtnu w0, d1
fcvtnu x0, d1
fcvtas w0, d1
fcvtas x0, d1
fcvtau w0, d1
fcvtau x0, d1
fcvtps w0, d1
fcvtps x0, d1
fcvtpu w0, d1
fcvtpu x0, d1
fcvtms w0, d1
fcvtms x0, d1
fcvtmu w0, d1
fcvtmu x0, d1
fcvtzs w0, d1
fcvtzs x0, d1
fcvtzu w0, d1
fcvtzu x0, d1
scvtf d0, w1
scvtf d0, x1
ucvtf d0, w1
ucvtf d0, x1
fadd d7, d8, d16
fsub d7, d8, d16
fmul d7, d8, d16
fdiv d7, d8, d16
fmax d7, d8, d16
fmin d7, d8, d16
fmaxnm d7, d8, d16
fminnm d7, d8, d16
fnmul d7, d8, d16
fmadd d7, d8, d16, d24
fmsub d7, d8, d16, d24
fnmadd d7, d8, d16, d24
fnmsub d7, d8, d16, d24
fmov d7, d8
fabs d7, d8
fneg d7, d8
fsqrt d7, d8
frintn d7, d8
frintp d7, d8
frintm d7, d8
frintz d7, d8
frinta d7, d8
frintx d7, d8
frinti d7, d8
fcmp d7, d8
fcmpe d7, d8
fcmp d7, #0.0
fcmpe d7, #0.0
fccmp d7, d8, #7, eq
fccmpe d8, d16, #15, eq
fcsel d7, d8, d16, eq
fccmp d7, d8, #7, ne
fccmpe d8, d16, #15, ne
fcsel d7, d8, d16, ne
fccmp d7, d8, #7, hs
fccmpe d8, d16, #15, hs
fcsel d7, d8, d16, hs
fccmp d7, d8, #7, lo
fccmpe d8, d16, #15, lo
fcsel d7, d8, d16, lo
fccmp d7, d8, #7, mi
fccmpe d8, d16, #15, mi
fcsel d7, d8, d16, mi
fccmp d7, d8, #7, pl
fccmpe d8, d16, #15, pl
fcsel d7, d8, d16, pl
fccmp d7, d8, #7, vs
fccmpe d8, d16, #15, vs
fcsel d7, d8, d16, vs
fccmp d7, d8, #7, vc
fccmpe d8, d16, #15, vc
fcsel d7, d8, d16, vc
fccmp d7, d8, #7, hi
fccmpe d8, d16, #15, hi
fcsel d7, d8, d16, hi
fccmp d7, d8, #7, ls
fccmpe d8, d16, #15, ls
fcsel d7, d8, d16, ls
fccmp d7, d8, #7, ge
fccmpe d8, d16, #15, ge
fcsel d7, d8, d16, ge
fccmp d7, d8, #7, lt
fccmpe d8, d16, #15, lt
fcsel d7, d8, d16, lt
fccmp d7, d8, #7, gt
fccmpe d8, d16, #15, gt
fcsel d7, d8, d16, gt
fccmp d7, d8, #7, le
fccmpe d8, d16, #15, le
fcsel d7, d8, d16, le
fccmp d7, d8, #7, al
fccmpe d8, d16, #15, al
fcsel d7, d8, d16, al
fccmp d7, d8, #7, nv
fccmpe d8, d16, #15, nv
fcsel d7, d8, d16, nv
fcvtns w7, d8
fcvtns x7, d8
fcvtnu w7, d8
fcvtnu x7, d8
fcvtas w7, d8
fcvtas x7, d8
fcvtau w7, d8
fcvtau x7, d8
fcvtps w7, d8
fcvtps x7, d8
fcvtpu w7, d8
fcvtpu x7, d8
fcvtms w7, d8
fcvtms x7, d8
fcvtmu w7, d8
fcvtmu x7, d8
fcvtzs w7, d8
fcvtzs x7, d8
fcvtzu w7, d8
fcvtzu x7, d8
scvtf d7, w8
scvtf d7, x8
ucvtf d7, w8
ucvtf d7, x8
fadd d31, d0, d8
fsub d31, d0, d8
fmul d31, d0, d8
fdiv d31, d0, d8
fmax d31, d0, d8
fmin d31, d0, d8
fmaxnm d31, d0, d8
fminnm d31, d0, d8
fnmul d31, d0, d8
fmadd d31, d0, d8, d16
fmsub d31, d0, d8, d16
fnmadd d31, d0, d8, d16
fnmsub d31, d0, d8, d16
fmov d31, d0
fabs d31, d0
fneg d31, d0
fsqrt d31, d0
frintn d31, d0
frintp d31, d0
frintm d31, d0
frintz d31, d0
frinta d31, d0
frintx d31, d0
frinti d31, d0
fcmp d31, d0
fcmpe d31, d0
fcmp d31, #0.0
fcmpe d31, #0.0
fccmp d31, d0, #15, eq
fccmpe d0, d8, #15, eq
fcsel d31, d0, d8, eq
fccmp d31, d0, #15, ne
fccmpe d0, d8, #15, ne
fcsel d31, d0, d8, ne
fccmp d31, d0, #15, hs
fccmpe d0, d8, #15, hs
fcsel d31, d0, d8, hs
fccmp d31, d0, #15, lo
fccmpe d0, d8, #15, lo
fcsel d31, d0, d8, lo
fccmp d31, d0, #15, mi
fccmpe d0, d8, #15, mi
fcsel d31, d0, d8, mi
fccmp d31, d0, #15, pl
fccmpe d0, d8, #15, pl
fcsel d31, d0, d8, pl
fccmp d31, d0, #15, vs
fccmpe d0, d8, #15, vs
fcsel d31, d0, d8, vs
fccmp d31, d0, #15, vc
fccmpe d0, d8, #15, vc
fcsel d31, d0, d8, vc
fccmp d31, d0, #15, hi
fccmpe d0, d8, #15, hi
fcsel d31, d0, d8, hi
fccmp d31, d0, #15, ls
fccmpe d0, d8, #15, ls
fcsel d31, d0, d8, ls
fccmp d31, d0, #15, ge
fccmpe d0, d8, #15, ge
fcsel d31, d0, d8, ge
fccmp d31, d0, #15, lt
fccmpe d0, d8, #15, lt
fcsel d31, d0, d8, lt
fccmp d31, d0, #15, gt
fccmpe d0, d8, #15, gt
fcsel d31, d0, d8, gt
fccmp d31, d0, #15, le
fccmpe d0, d8, #15, le
fcsel d31, d0, d8, le
fccmp d31, d0, #15, al
fccmpe d0, d8, #15, al
fcsel d31, d0, d8, al
fccmp d31, d0, #15, nv
fccmpe d0, d8, #15, nv
fcsel d31, d0, d8, nv
fcvtns wzr, d0
fcvtns xzr, d0
fcvtnu wzr, d0
fcvtnu xzr, d0
fcvtas wzr, d0
fcvtas xzr, d0
fcvtau wzr, d0
fcvtau xzr, d0
fcvtps wzr, d0
fcvtps xzr, d0
fcvtpu wzr, d0
fcvtpu xzr, d0
fcvtms wzr, d0
fcvtms xzr, d0
fcvtmu wzr, d0
fcvtmu xzr, d0
fcvtzs wzr, d0
fcvtzs xzr, d0
fcvtzu wzr, d0
fcvtzu xzr, d0
scvtf d31, w0
scvtf d31, x0
ucvtf d31, w0
ucvtf d31, x0
fmov d3, #1.0
fmov d3, #-1.0
fmov d3, #0.125
fmov d3, #31.0
fmov d3, #-2.5
fmov d3, #0.1875
fmov d3, #17.0
fmov d3, #1.9375
fcvt d0, s3
fcvt s0, d4
fmov s0, w0
fmov w0, s0
fmov d0, x0
fmov x0, d0
fmov v0.d[1], x0
fmov x0, v0.d[1]
fcvt h0, s1
fcvt h0, d2
fcvt s0, h3
fcvt d0, h4
fcvtl v0.4s, v1.4h
fcvtl2 v0.4s, v2.8h
fcvtl v0.2d, v3.2s
fcvtl2 v0.2d, v4.4s
fcvtn v0.4h, v1.4s
fcvtn2 v0.8h, v2.4s
fcvtn v0.2s, v3.2d
fcvtn2 v0.4s, v4.2d
fcvt d5, s8
fcvt s5, d9
fmov s5, w5
fmov w5, s5
fmov d5, x5
fmov x5, d5
fmov v5.d[1], x5
fmov x5, v5.d[1]
fcvt h5, s6
fcvt h5, d7
fcvt s5, h8
fcvt d5, h9
fcvtl v5.4s, v6.4h
fcvtl2 v5.4s, v7.8h
fcvtl v5.2d, v8.2s
fcvtl2 v5.2d, v9.4s
fcvtn v5.4h, v6.4s
fcvtn2 v5.8h, v7.4s
fcvtn v5.2s, v8.2d
fcvtn2 v5.4s, v9.2d
fcvt d31, s2
fcvt s31, d3
fmov s31, wzr
fmov wzr, s31
fmov d31, xzr
fmov xzr, d31
fmov v31.d[1], xzr
fmov xzr, v31.d[1]
fcvt h31, s0
fcvt h31, d1
fcvt s31, h2
fcvt d31, h3
fcvtl v31.4s, v0.4h
fcvtl2 v31.4s, v1.8h
fcvtl v31.2d, v2.2s
fcvtl2 v31.2d, v3.4s
fcvtn v31.4h, v0.4s
fcvtn2 v31.8h, v1.4s
fcvtn v31.2s, v2.2d
fcvtn2 v31.4s, v3.2d
ldr b0, [x1]
str b0, [sp, #4095]
ldr b0, [x2, #7]
ldur b0, [x3, #-256]
stur b0, [x3, #255]
ldr b0, [x4, #-256]!
str b0, [x4], #255
str b0, [sp, #16]!
ldr b0, [x5, x6]
str b0, [x5, w6, uxtw]
ldr b0, [x5, w6, sxtw]
ldr b0, [x5, x6, sxtx]
ldr b31, [x1]
str b31, [sp, #4095]
ldr b31, [x2, #7]
ldur b31, [x3, #-256]
stur b31, [x3, #255]
ldr b31, [x4, #-256]!
str b31, [x4], #255
str b31, [sp, #16]!
ldr b31, [x5, x6]
str b31, [x5, w6, uxtw]
ldr b31, [x5, w6, sxtw]
ldr b31, [x5, x6, sxtx]
ldr b31, [x5, x6, lsl #0]
str b31, [x5, w6, sxtw #0]
ldr b31, [x5, w6, uxtw #0]
ldr h0, [x1]
str h0, [sp, #8190]
ldr h0, [x2, #14]
ldur h0, [x3, #-256]
stur h0, [x3, #255]
ldr h0, [x4, #-256]!
str h0, [x4], #255
str h0, [sp, #16]!
ldr h0, [x5, x6]
str h0, [x5, w6, uxtw]
ldr h0, [x5, w6, sxtw]
ldr h0, [x5, x6, sxtx]
ldr h31, [x1]
str h31, [sp, #8190]
ldr h31, [x2, #14]
ldur h31, [x3, #-256]
stur h31, [x3, #255]
ldr h31, [x4, #-256]!
str h31, [x4], #255
str h31, [sp, #16]!
ldr h31, [x5, x6]
str h31, [x5, w6, uxtw]
ldr h31, [x5, w6, sxtw]
ldr h31, [x5, x6, sxtx]
ldr h31, [x5, x6, lsl #1]
str h31, [x5, w6, sxtw #1]
ldr h31, [x5, w6, uxtw #1]
ldr s0, [x1]
str s0, [sp, #16380]
ldr s0, [x2, #28]
ldur s0, [x3, #-256]
stur s0, [x3, #255]
ldr s0, [x4, #-256]!
str s0, [x4], #255
str s0, [sp, #16]!
ldr s0, [x5, x6]
str s0, [x5, w6, uxtw]
ldr s0, [x5, w6, sxtw]
ldr s0, [x5, x6, sxtx]
ldr s31, [x1]
str s31, [sp, #16380]
ldr s31, [x2, #28]
ldur s31, [x3, #-256]
stur s31, [x3, #255]
ldr s31, [x4, #-256]!
str s31, [x4], #255
str s31, [sp, #16]!
ldr s31, [x5, x6]
str s31, [x5, w6, uxtw]
ldr s31, [x5, w6, sxtw]
ldr s31, [x5, x6, sxtx]
ldr s31, [x5, x6, lsl #2]
str s31, [x5, w6, sxtw #2]
ldr s31, [x5, w6, uxtw #2]
ldr d0, [x1]
str d0, [sp, #32760]
ldr d0, [x2, #56]
ldur d0, [x3, #-256]
stur d0, [x3, #255]
ldr d0, [x4, #-256]!
str d0, [x4], #255
str d0, [sp, #16]!
ldr d0, [x5, x6]
str d0, [x5, w6, uxtw]
ldr d0, [x5, w6, sxtw]
ldr d0, [x5, x6, sxtx]
ldr d31, [x1]
str d31, [sp, #32760]
ldr d31, [x2, #56]
ldur d31, [x3, #-256]
stur d31, [x3, #255]
ldr d31, [x4, #-256]!
str d31, [x4], #255
str d31, [sp, #16]!
ldr d31, [x5, x6]
str d31, [x5, w6, uxtw]
ldr d31, [x5, w6, sxtw]
ldr d31, [x5, x6, sxtx]
ldr d31, [x5, x6, lsl #3]
str d31, [x5, w6, sxtw #3]
ldr d31, [x5, w6, uxtw #3]
ldr q0, [x1]
str q0, [sp, #65520]
ldr q0, [x2, #112]
ldur q0, [x3, #-256]
stur q0, [x3, #255]
ldr q0, [x4, #-256]!
str q0, [x4], #255
str q0, [sp, #16]!
ldr q0, [x5, x6]
str q0, [x5, w6, uxtw]
ldr q0, [x5, w6, sxtw]
ldr q0, [x5, x6, sxtx]
ldr q31, [x1]
str q31, [sp, #65520]
ldr q31, [x2, #112]
ldur q31, [x3, #-256]
stur q31, [x3, #255]
ldr q31, [x4, #-256]!
str q31, [x4], #255
str q31, [sp, #16]!
ldr q31, [x5, x6]
str q31, [x5, w6, uxtw]
ldr q31, [x5, w6, sxtw]
ldr q31, [x5, x6, sxtx]
ldr q31, [x5, x6, lsl #4]
str q31, [x5, w6, sxtw #4]
ldr q31, [x5, w6, uxtw #4]
ldr s1, .+68
ldr s2, .-132
ldp s0, s1, [x0, #-256]
stp s30, s31, [sp, #252]!
ldp s2, s3, [x4], #32
stp s2, s3, [x4]
ldr d1, .+68
ldr d2, .-132
ldp d0, d1, [x0, #-512]
stp d30, d31, [sp, #504]!
ldp d2, d3, [x4], #64
stp d2, d3, [x4]
ldr q1, .+68
ldr q2, .-132
ldp q0, q1, [x0, #-1024]
stp q30, q31, [sp, #1008]!
ldp q2, q3, [x4], #128
stp q2, q3, [x4]
add v0.8b, v1.8b, v2.8b
sub v0.8b, v1.8b, v2.8b
cmtst v0.8b, v1.8b, v2.8b
cmeq v0.8b, v1.8b, v2.8b
cmgt v0.8b, v1.8b, v2.8b
cmhi v0.8b, v1.8b, v2.8b
cmge v0.8b, v1.8b, v2.8b
cmhs v0.8b, v1.8b, v2.8b
smax v0.8b, v1.8b, v2.8b
umax v0.8b, v1.8b, v2.8b
smin v0.8b, v1.8b, v2.8b
umin v0.8b, v1.8b, v2.8b
smaxp v0.8b, v1.8b, v2.8b
umaxp v0.8b, v1.8b, v2.8b
sminp v0.8b, v1.8b, v2.8b
uminp v0.8b, v1.8b, v2.8b
addp v0.8b, v1.8b, v2.8b
mul v0.8b, v1.8b, v2.8b
uzp1 v0.8b, v1.8b, v2.8b
uzp2 v0.8b, v1.8b, v2.8b
trn1 v0.8b, v1.8b, v2.8b
trn2 v0.8b, v1.8b, v2.8b
zip1 v0.8b, v1.8b, v2.8b
zip2 v0.8b, v1.8b, v2.8b
cmgt v0.8b, v1.8b, #0
cmge v0.8b, v1.8b, #0
cmeq v0.8b, v1.8b, #0
cmle v0.8b, v1.8b, #0
cmlt v0.8b, v1.8b, #0
abs v0.8b, v1.8b
neg v0.8b, v1.8b
add v0.4h, v1.4h, v2.4h
sub v0.4h, v1.4h, v2.4h
cmtst v0.4h, v1.4h, v2.4h
cmeq v0.4h, v1.4h, v2.4h
cmgt v0.4h, v1.4h, v2.4h
cmhi v0.4h, v1.4h, v2.4h
cmge v0.4h, v1.4h, v2.4h
cmhs v0.4h, v1.4h, v2.4h
smax v0.4h, v1.4h, v2.4h
umax v0.4h, v1.4h, v2.4h
smin v0.4h, v1.4h, v2.4h
umin v0.4h, v1.4h, v2.4h
smaxp v0.4h, v1.4h, v2.4h
umaxp v0.4h, v1.4h, v2.4h
sminp v0.4h, v1.4h, v2.4h
uminp v0.4h, v1.4h, v2.4h
addp v0.4h, v1.4h, v2.4h
mul v0.4h, v1.4h, v2.4h
uzp1 v0.4h, v1.4h, v2.4h
uzp2 v0.4h, v1.4h, v2.4h
trn1 v0.4h, v1.4h, v2.4h
trn2 v0.4h, v1.4h, v2.4h
zip1 v0.4h, v1.4h, v2.4h
zip2 v0.4h, v1.4h, v2.4h
cmgt v0.4h, v1.4h, #0
cmge v0.4h, v1.4h, #0
cmeq v0.4h, v1.4h, #0
cmle v0.4h, v1.4h, #0
cmlt v0.4h, v1.4h, #0
abs v0.4h, v1.4h
neg v0.4h, v1.4h
add v0.2s, v1.2s, v2.2s
sub v0.2s, v1.2s, v2.2s
cmtst v0.2s, v1.2s, v2.2s
cmeq v0.2s, v1.2s, v2.2s
cmgt v0.2s, v1.2s, v2.2s
cmhi v0.2s, v1.2s, v2.2s
cmge v0.2s, v1.2s, v2.2s
cmhs v0.2s, v1.2s, v2.2s
smax v0.2s, v1.2s, v2.2s
umax v0.2s, v1.2s, v2.2s
smin v0.2s, v1.2s, v2.2s
umin v0.2s, v1.2s, v2.2s
smaxp v0.2s, v1.2s, v2.2s
umaxp v0.2s, v1.2s, v2.2s
sminp v0.2s, v1.2s, v2.2s
uminp v0.2s, v1.2s, v2.2s
addp v0.2s, v1.2s, v2.2s
mul v0.2s, v1.2s, v2.2s
uzp1 v0.2s, v1.2s, v2.2s
uzp2 v0.2s, v1.2s, v2.2s
trn1 v0.2s, v1.2s, v2.2s
trn2 v0.2s, v1.2s, v2.2s
zip1 v0.2s, v1.2s, v2.2s
zip2 v0.2s, v1.2s, v2.2s
cmgt v0.2s, v1.2s, #0
cmge v0.2s, v1.2s, #0
cmeq v0.2s, v1.2s, #0
cmle v0.2s, v1.2s, #0
cmlt v0.2s, v1.2s, #0
abs v0.2s, v1.2s
neg v0.2s, v1.2s
and v0.8b, v1.8b, v2.8b
bic v0.8b, v1.8b, v2.8b
orr v0.8b, v1.8b, v2.8b
orn v0.8b, v1.8b, v2.8b
eor v0.8b, v1.8b, v2.8b
bsl v0.8b, v1.8b, v2.8b
bit v0.8b, v1.8b, v2.8b
bif v0.8b, v1.8b, v2.8b
mov v0.8b, v1.8b
mvn v0.8b, v1.8b
cnt v0.8b, v1.8b
rbit v0.8b, v1.8b
rev64 v0.8b, v1.8b
rev64 v0.4h, v1.4h
rev64 v0.2s, v1.2s
rev32 v0.8b, v1.8b
rev32 v0.4h, v1.4h
rev16 v0.8b, v1.8b
ext v0.8b, v1.8b, v2.8b, #0
tbl v0.8b, {v1.16b}, v2.8b
tbx v0.8b, {v1.16b, v2.16b}, v2.8b
tbl v0.8b, {v1.16b, v2.16b, v3.16b}, v2.8b
tbx v0.8b, {v1.16b, v2.16b, v3.16b, v4.16b}, v2.8b
addv b0, v1.8b
addv h0, v1.4h
smaxv b0, v1.8b
smaxv h0, v1.4h
umaxv b0, v1.8b
umaxv h0, v1.4h
sminv b0, v1.8b
sminv h0, v1.4h
uminv b0, v1.8b
uminv h0, v1.4h
saddlv h0, v1.8b
uaddlv s0, v1.4h
xtn v0.8b, v1.8h
xtn v0.4h, v1.4s
xtn v0.2s, v1.2d
shrn v0.8b, v1.8h, #3
shrn v0.2s, v1.2d, #32
sshll v0.8h, v1.8b, #7
ushll v0.4s, v1.4h, #0
sxtl v0.2d, v1.2s
sshr v0.8b, v1.8b, #8
sshr v0.4h, v1.4h, #1
sshr v0.2s, v1.2s, #17
ushr v0.8b, v1.8b, #8
ushr v0.4h, v1.4h, #1
ushr v0.2s, v1.2s, #17
ssra v0.8b, v1.8b, #8
ssra v0.4h, v1.4h, #1
ssra v0.2s, v1.2s, #17
usra v0.8b, v1.8b, #8
usra v0.4h, v1.4h, #1
usra v0.2s, v1.2s, #17
shl v0.8b, v1.8b, #7
shl v0.2s, v1.2s, #0
dup v0.8b, v1.b[0]
dup v0.2s, v1.s[3]
dup v0.4h, w1
movi v0.8b, #0
movi v0.2s, #0xab, lsl #24
movi v0.4h, #0x7f, lsl #8
mvni v0.2s, #0x1, msl #16
orr v0.2s, #0xff, lsl #8
bic v0.4h, #0x3
fmov v0.2s, #-1.5
add v17.8b, v18.8b, v19.8b
sub v17.8b, v18.8b, v19.8b
cmtst v17.8b, v18.8b, v19.8b
cmeq v17.8b, v18.8b, v19.8b
cmgt v17.8b, v18.8b, v19.8b
cmhi v17.8b, v18.8b, v19.8b
cmge v17.8b, v18.8b, v19.8b
cmhs v17.8b, v18.8b, v19.8b
smax v17.8b, v18.8b, v19.8b
umax v17.8b, v18.8b, v19.8b
smin v17.8b, v18.8b, v19.8b
umin v17.8b, v18.8b, v19.8b
smaxp v17.8b, v18.8b, v19.8b
umaxp v17.8b, v18.8b, v19.8b
sminp v17.8b, v18.8b, v19.8b
uminp v17.8b, v18.8b, v19.8b
addp v17.8b, v18.8b, v19.8b
mul v17.8b, v18.8b, v19.8b
uzp1 v17.8b, v18.8b, v19.8b
uzp2 v17.8b, v18.8b, v19.8b
trn1 v17.8b, v18.8b, v19.8b
trn2 v17.8b, v18.8b, v19.8b
zip1 v17.8b, v18.8b, v19.8b
zip2 v17.8b, v18.8b, v19.8b
cmgt v17.8b, v18.8b, #0
cmge v17.8b, v18.8b, #0
cmeq v17.8b, v18.8b, #0
cmle v17.8b, v18.8b, #0
cmlt v17.8b, v18.8b, #0
abs v17.8b, v18.8b
neg v17.8b, v18.8b
add v17.4h, v18.4h, v19.4h
sub v17.4h, v18.4h, v19.4h
cmtst v17.4h, v18.4h, v19.4h
cmeq v17.4h, v18.4h, v19.4h
cmgt v17.4h, v18.4h, v19.4h
cmhi v17.4h, v18.4h, v19.4h
cmge v17.4h, v18.4h, v19.4h
cmhs v17.4h, v18.4h, v19.4h
smax v17.4h, v18.4h, v19.4h
umax v17.4h, v18.4h, v19.4h
smin v17.4h, v18.4h, v19.4h
umin v17.4h, v18.4h, v19.4h
smaxp v17.4h, v18.4h, v19.4h
umaxp v17.4h, v18.4h, v19.4h
sminp v17.4h, v18.4h, v19.4h
uminp v17.4h, v18.4h, v19.4h
addp v17.4h, v18.4h, v19.4h
mul v17.4h, v18.4h, v19.4h
uzp1 v17.4h, v18.4h, v19.4h
uzp2 v17.4h, v18.4h, v19.4h
trn1 v17.4h, v18.4h, v19.4h
trn2 v17.4h, v18.4h, v19.4h
zip1 v17.4h, v18.4h, v19.4h
zip2 v17.4h, v18.4h, v19.4h
cmgt v17.4h, v18.4h, #0
cmge v17.4h, v18.4h, #0
cmeq v17.4h, v18.4h, #0
cmle v17.4h, v18.4h, #0
cmlt v17.4h, v18.4h, #0
abs v17.4h, v18.4h
neg v17.4h, v18.4h
add v17.2s, v18.2s, v19.2s
sub v17.2s, v18.2s, v19.2s
cmtst v17.2s, v18.2s, v19.2s
cmeq v17.2s, v18.2s, v19.2s
cmgt v17.2s, v18.2s, v19.2s
cmhi v17.2s, v18.2s, v19.2s
cmge v17.2s, v18.2s, v19.2s
cmhs v17.2s, v18.2s, v19.2s
smax v17.2s, v18.2s, v19.2s
umax v17.2s, v18.2s, v19.2s
smin v17.2s, v18.2s, v19.2s
umin v17.2s, v18.2s, v19.2s
smaxp v17.2s, v18.2s, v19.2s
umaxp v17.2s, v18.2s, v19.2s
sminp v17.2s, v18.2s, v19.2s
uminp v17.2s, v18.2s, v19.2s
addp v17.2s, v18.2s, v19.2s
mul v17.2s, v18.2s, v19.2s
uzp1 v17.2s, v18.2s, v19.2s
uzp2 v17.2s, v18.2s, v19.2s
trn1 v17.2s, v18.2s, v19.2s
trn2 v17.2s, v18.2s, v19.2s
zip1 v17.2s, v18.2s, v19.2s
zip2 v17.2s, v18.2s, v19.2s
cmgt v17.2s, v18.2s, #0
cmge v17.2s, v18.2s, #0
cmeq v17.2s, v18.2s, #0
cmle v17.2s, v18.2s, #0
cmlt v17.2s, v18.2s, #0
abs v17.2s, v18.2s
neg v17.2s, v18.2s
and v17.8b, v18.8b, v19.8b
bic v17.8b, v18.8b, v19.8b
orr v17.8b, v18.8b, v19.8b
orn v17.8b, v18.8b, v19.8b
eor v17.8b, v18.8b, v19.8b
bsl v17.8b, v18.8b, v19.8b
bit v17.8b, v18.8b, v19.8b
bif v17.8b, v18.8b, v19.8b
mov v17.8b, v18.8b
mvn v17.8b, v18.8b
cnt v17.8b, v18.8b
rbit v17.8b, v18.8b
rev64 v17.8b, v18.8b
rev64 v17.4h, v18.4h
rev64 v17.2s, v18.2s
rev32 v17.8b, v18.8b
rev32 v17.4h, v18.4h
rev16 v17.8b, v18.8b
ext v17.8b, v18.8b, v19.8b, #1
tbl v17.8b, {v18.16b}, v19.8b
tbx v17.8b, {v18.16b, v19.16b}, v19.8b
tbl v17.8b, {v18.16b, v19.16b, v20.16b}, v19.8b
tbx v17.8b, {v18.16b, v19.16b, v20.16b, v21.16b}, v19.8b
addv b17, v18.8b
addv h17, v18.4h
smaxv b17, v18.8b
smaxv h17, v18.4h
umaxv b17, v18.8b
umaxv h17, v18.4h
sminv b17, v18.8b
sminv h17, v18.4h
uminv b17, v18.8b
uminv h17, v18.4h
saddlv h17, v18.8b
uaddlv s17, v18.4h
xtn v17.8b, v18.8h
xtn v17.4h, v18.4s
xtn v17.2s, v18.2d
shrn v17.8b, v18.8h, #3
shrn v17.2s, v18.2d, #32
sshll v17.8h, v18.8b, #7
ushll v17.4s, v18.4h, #0
sxtl v17.2d, v18.2s
sshr v17.8b, v18.8b, #8
sshr v17.4h, v18.4h, #1
sshr v17.2s, v18.2s, #17
ushr v17.8b, v18.8b, #8
ushr v17.4h, v18.4h, #1
ushr v17.2s, v18.2s, #17
ssra v17.8b, v18.8b, #8
ssra v17.4h, v18.4h, #1
ssra v17.2s, v18.2s, #17
usra v17.8b, v18.8b, #8
usra v17.4h, v18.4h, #1
usra v17.2s, v18.2s, #17
shl v17.8b, v18.8b, #7
shl v17.2s, v18.2s, #0
dup v17.8b, v18.b[1]
dup v17.2s, v18.s[3]
dup v17.4h, w18
movi v17.8b, #136
movi v17.2s, #0xab, lsl #24
movi v17.4h, #0x7f, lsl #8
mvni v17.2s, #0x1, msl #16
orr v17.2s, #0xff, lsl #8
bic v17.4h, #0x3
fmov v17.2s, #-1.5
add v31.8b, v0.8b, v1.8b
sub v31.8b, v0.8b, v1.8b
cmtst v31.8b, v0.8b, v1.8b
cmeq v31.8b, v0.8b, v1.8b
cmgt v31.8b, v0.8b, v1.8b
cmhi v31.8b, v0.8b, v1.8b
cmge v31.8b, v0.8b, v1.8b
cmhs v31.8b, v0.8b, v1.8b
smax v31.8b, v0.8b, v1.8b
umax v31.8b, v0.8b, v1.8b
smin v31.8b, v0.8b, v1.8b
umin v31.8b, v0.8b, v1.8b
smaxp v31.8b, v0.8b, v1.8b
umaxp v31.8b, v0.8b, v1.8b
sminp v31.8b, v0.8b, v1.8b
uminp v31.8b, v0.8b, v1.8b
addp v31.8b, v0.8b, v1.8b
mul v31.8b, v0.8b, v1.8b
uzp1 v31.8b, v0.8b, v1.8b
uzp2 v31.8b, v0.8b, v1.8b
trn1 v31.8b, v0.8b, v1.8b
trn2 v31.8b, v0.8b, v1.8b
zip1 v31.8b, v0.8b, v1.8b
zip2 v31.8b, v0.8b, v1.8b
cmgt v31.8b, v0.8b, #0
cmge v31.8b, v0.8b, #0
cmeq v31.8b, v0.8b, #0
cmle v31.8b, v0.8b, #0
cmlt v31.8b, v0.8b, #0
abs v31.8b, v0.8b
neg v31.8b, v0.8b
add v31.4h, v0.4h, v1.4h
sub v31.4h, v0.4h, v1.4h
cmtst v31.4h, v0.4h, v1.4h
cmeq v31.4h, v0.4h, v1.4h
cmgt v31.4h, v0.4h, v1.4h
cmhi v31.4h, v0.4h, v1.4h
cmge v31.4h, v0.4h, v1.4h
cmhs v31.4h, v0.4h, v1.4h
smax v31.4h, v0.4h, v1.4h
umax v31.4h, v0.4h, v1.4h
smin v31.4h, v0.4h, v1.4h
umin v31.4h, v0.4h, v1.4h
smaxp v31.4h, v0.4h, v1.4h
umaxp v31.4h, v0.4h, v1.4h
sminp v31.4h, v0.4h, v1.4h
uminp v31.4h, v0.4h, v1.4h
addp v31.4h, v0.4h, v1.4h
mul v31.4h, v0.4h, v1.4h
uzp1 v31.4h, v0.4h, v1.4h
uzp2 v31.4h, v0.4h, v1.4h
trn1 v31.4h, v0.4h, v1.4h
trn2 v31.4h, v0.4h, v1.4h
zip1 v31.4h, v0.4h, v1.4h
zip2 v31.4h, v0.4h, v1.4h
cmgt v31.4h, v0.4h, #0
cmge v31.4h, v0.4h, #0
cmeq v31.4h, v0.4h, #0
cmle v31.4h, v0.4h, #0
cmlt v31.4h, v0.4h, #0
abs v31.4h, v0.4h
neg v31.4h, v0.4h
add v31.2s, v0.2s, v1.2s
sub v31.2s, v0.2s, v1.2s
cmtst v31.2s, v0.2s, v1.2s
cmeq v31.2s, v0.2s, v1.2s
cmgt v31.2s, v0.2s, v1.2s
cmhi v31.2s, v0.2s, v1.2s
cmge v31.2s, v0.2s, v1.2s
cmhs v31.2s, v0.2s, v1.2s
smax v31.2s, v0.2s, v1.2s
umax v31.2s, v0.2s, v1.2s
smin v31.2s, v0.2s, v1.2s
umin v31.2s, v0.2s, v1.2s
smaxp v31.2s, v0.2s, v1.2s
umaxp v31.2s, v0.2s, v1.2s
sminp v31.2s, v0.2s, v1.2s
uminp v31.2s, v0.2s, v1.2s
addp v31.2s, v0.2s, v1.2s
mul v31.2s, v0.2s, v1.2s
uzp1 v31.2s, v0.2s, v1.2s
uzp2 v31.2s, v0.2s, v1.2s
trn1 v31.2s, v0.2s, v1.2s
trn2 v31.2s, v0.2s, v1.2s
zip1 v31.2s, v0.2s, v1.2s
zip2 v31.2s, v0.2s, v1.2s
cmgt v31.2s, v0.2s, #0
cmge v31.2s, v0.2s, #0
cmeq v31.2s, v0.2s, #0
cmle v31.2s, v0.2s, #0
cmlt v31.2s, v0.2s, #0
abs v31.2s, v0.2s
neg v31.2s, v0.2s
and v31.8b, v0.8b, v1.8b
bic v31.8b, v0.8b, v1.8b
orr v31.8b, v0.8b, v1.8b
orn v31.8b, v0.8b, v1.8b
eor v31.8b, v0.8b, v1.8b
bsl v31.8b, v0.8b, v1.8b
bit v31.8b, v0.8b, v1.8b
bif v31.8b, v0.8b, v1.8b
mov v31.8b, v0.8b
mvn v31.8b, v0.8b
cnt v31.8b, v0.8b
rbit v31.8b, v0.8b
rev64 v31.8b, v0.8b
rev64 v31.4h, v0.4h
rev64 v31.2s, v0.2s
rev32 v31.8b, v0.8b
rev32 v31.4h, v0.4h
rev16 v31.8b, v0.8b
ext v31.8b, v0.8b, v1.8b, #7
tbl v31.8b, {v0.16b}, v1.8b
tbx v31.8b, {v0.16b, v1.16b}, v1.8b
tbl v31.8b, {v0.16b, v1.16b, v2.16b}, v1.8b
tbx v31.8b, {v0.16b, v1.16b, v2.16b, v3.16b}, v1.8b
addv b31, v0.8b
addv h31, v0.4h
smaxv b31, v0.8b
smaxv h31, v0.4h
umaxv b31, v0.8b
umaxv h31, v0.4h
sminv b31, v0.8b
sminv h31, v0.4h
uminv b31, v0.8b
uminv h31, v0.4h
saddlv h31, v0.8b
uaddlv s31, v0.4h
xtn v31.8b, v0.8h
xtn v31.4h, v0.4s
xtn v31.2s, v0.2d
shrn v31.8b, v0.8h, #3
shrn v31.2s, v0.2d, #32
sshll v31.8h, v0.8b, #7
ushll v31.4s, v0.4h, #0
sxtl v31.2d, v0.2s
sshr v31.8b, v0.8b, #8
sshr v31.4h, v0.4h, #1
sshr v31.2s, v0.2s, #17
ushr v31.8b, v0.8b, #8
ushr v31.4h, v0.4h, #1
ushr v31.2s, v0.2s, #17
ssra v31.8b, v0.8b, #8
ssra v31.4h, v0.4h, #1
ssra v31.2s, v0.2s, #17
usra v31.8b, v0.8b, #8
usra v31.4h, v0.4h, #1
usra v31.2s, v0.2s, #17
shl v31.8b, v0.8b, #7
shl v31.2s, v0.2s, #0
dup v31.8b, v0.b[7]
dup v31.2s, v0.s[3]
dup v31.4h, w0
movi v31.8b, #248
movi v31.2s, #0xab, lsl #24
movi v31.4h, #0x7f, lsl #8
mvni v31.2s, #0x1, msl #16
orr v31.2s, #0xff, lsl #8
bic v31.4h, #0x3
fmov v31.2s, #-1.5
add v0.16b, v1.16b, v2.16b
sub v0.16b, v1.16b, v2.16b
cmtst v0.16b, v1.16b, v2.16b
cmeq v0.16b, v1.16b, v2.16b
cmgt v0.16b, v1.16b, v2.16b
cmhi v0.16b, v1.16b, v2.16b
cmge v0.16b, v1.16b, v2.16b
cmhs v0.16b, v1.16b, v2.16b
smax v0.16b, v1.16b, v2.16b
umax v0.16b, v1.16b, v2.16b
smin v0.16b, v1.16b, v2.16b
umin v0.16b, v1.16b, v2.16b
smaxp v0.16b, v1.16b, v2.16b
umaxp v0.16b, v1.16b, v2.16b
sminp v0.16b, v1.16b, v2.16b
uminp v0.16b, v1.16b, v2.16b
addp v0.16b, v1.16b, v2.16b
mul v0.16b, v1.16b, v2.16b
uzp1 v0.16b, v1.16b, v2.16b
uzp2 v0.16b, v1.16b, v2.16b
trn1 v0.16b, v1.16b, v2.16b
trn2 v0.16b, v1.16b, v2.16b
zip1 v0.16b, v1.16b, v2.16b
zip2 v0.16b, v1.16b, v2.16b
cmgt v0.16b, v1.16b, #0
cmge v0.16b, v1.16b, #0
cmeq v0.16b, v1.16b, #0
cmle v0.16b, v1.16b, #0
cmlt v0.16b, v1.16b, #0
abs v0.16b, v1.16b
neg v0.16b, v1.16b
add v0.8h, v1.8h, v2.8h
sub v0.8h, v1.8h, v2.8h
cmtst v0.8h, v1.8h, v2.8h
cmeq v0.8h, v1.8h, v2.8h
cmgt v0.8h, v1.8h, v2.8h
cmhi v0.8h, v1.8h, v2.8h
cmge v0.8h, v1.8h, v2.8h
cmhs v0.8h, v1.8h, v2.8h
smax v0.8h, v1.8h, v2.8h
umax v0.8h, v1.8h, v2.8h
smin v0.8h, v1.8h, v2.8h
umin v0.8h, v1.8h, v2.8h
smaxp v0.8h, v1.8h, v2.8h
umaxp v0.8h, v1.8h, v2.8h
sminp v0.8h, v1.8h, v2.8h
uminp v0.8h, v1.8h, v2.8h
addp v0.8h, v1.8h, v2.8h
mul v0.8h, v1.8h, v2.8h
uzp1 v0.8h, v1.8h, v2.8h
uzp2 v0.8h, v1.8h, v2.8h
trn1 v0.8h, v1.8h, v2.8h
trn2 v0.8h, v1.8h, v2.8h
zip1 v0.8h, v1.8h, v2.8h
zip2 v0.8h, v1.8h, v2.8h
cmgt v0.8h, v1.8h, #0
cmge v0.8h, v1.8h, #0
cmeq v0.8h, v1.8h, #0
cmle v0.8h, v1.8h, #0
cmlt v0.8h, v1.8h, #0
abs v0.8h, v1.8h
neg v0.8h, v1.8h
add v0.4s, v1.4s, v2.4s
sub v0.4s, v1.4s, v2.4s
cmtst v0.4s, v1.4s, v2.4s
cmeq v0.4s, v1.4s, v2.4s
cmgt v0.4s, v1.4s, v2.4s
cmhi v0.4s, v1.4s, v2.4s
cmge v0.4s, v1.4s, v2.4s
cmhs v0.4s, v1.4s, v2.4s
smax v0.4s, v1.4s, v2.4s
umax v0.4s, v1.4s, v2.4s
smin v0.4s, v1.4s, v2.4s
umin v0.4s, v1.4s, v2.4s
smaxp v0.4s, v1.4s, v2.4s
umaxp v0.4s, v1.4s, v2.4s
sminp v0.4s, v1.4s, v2.4s
uminp v0.4s, v1.4s, v2.4s
addp v0.4s, v1.4s, v2.4s
mul v0.4s, v1.4s, v2.4s
uzp1 v0.4s, v1.4s, v2.4s
uzp2 v0.4s, v1.4s, v2.4s
trn1 v0.4s, v1.4s, v2.4s
trn2 v0.4s, v1.4s, v2.4s
zip1 v0.4s, v1.4s, v2.4s
zip2 v0.4s, v1.4s, v2.4s
cmgt v0.4s, v1.4s, #0
cmge v0.4s, v1.4s, #0
cmeq v0.4s, v1.4s, #0
cmle v0.4s, v1.4s, #0
cmlt v0.4s, v1.4s, #0
abs v0.4s, v1.4s
neg v0.4s, v1.4s
and v0.16b, v1.16b, v2.16b
bic v0.16b, v1.16b, v2.16b
orr v0.16b, v1.16b, v2.16b
orn v0.16b, v1.16b, v2.16b
eor v0.16b, v1.16b, v2.16b
bsl v0.16b, v1.16b, v2.16b
bit v0.16b, v1.16b, v2.16b
bif v0.16b, v1.16b, v2.16b
mov v0.16b, v1.16b
mvn v0.16b, v1.16b
cnt v0.16b, v1.16b
rbit v0.16b, v1.16b
rev64 v0.16b, v1.16b
rev64 v0.8h, v1.8h
rev64 v0.4s, v1.4s
rev32 v0.16b, v1.16b
rev32 v0.8h, v1.8h
rev16 v0.16b, v1.16b
ext v0.16b, v1.16b, v2.16b, #0
tbl v0.16b, {v1.16b}, v2.16b
tbx v0.16b, {v1.16b, v2.16b}, v2.16b
tbl v0.16b, {v1.16b, v2.16b, v3.16b}, v2.16b
tbx v0.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v2.16b
addv b0, v1.16b
addv h0, v1.8h
smaxv b0, v1.16b
smaxv h0, v1.8h
umaxv b0, v1.16b
umaxv h0, v1.8h
sminv b0, v1.16b
sminv h0, v1.8h
uminv b0, v1.16b
uminv h0, v1.8h
saddlv h0, v1.16b
uaddlv s0, v1.8h
xtn2 v0.16b, v1.8h
xtn2 v0.8h, v1.4s
xtn2 v0.4s, v1.2d
shrn2 v0.16b, v1.8h, #3
shrn2 v0.4s, v1.2d, #32
sshll2 v0.8h, v1.16b, #7
ushll2 v0.4s, v1.8h, #0
sxtl2 v0.2d, v1.4s
sshr v0.16b, v1.16b, #8
sshr v0.8h, v1.8h, #1
sshr v0.4s, v1.4s, #17
ushr v0.16b, v1.16b, #8
ushr v0.8h, v1.8h, #1
ushr v0.4s, v1.4s, #17
ssra v0.16b, v1.16b, #8
ssra v0.8h, v1.8h, #1
ssra v0.4s, v1.4s, #17
usra v0.16b, v1.16b, #8
usra v0.8h, v1.8h, #1
usra v0.4s, v1.4s, #17
shl v0.16b, v1.16b, #7
shl v0.4s, v1.4s, #0
dup v0.16b, v1.b[0]
dup v0.4s, v1.s[3]
dup v0.8h, w1
movi v0.16b, #0
movi v0.4s, #0xab, lsl #24
movi v0.8h, #0x7f, lsl #8
mvni v0.4s, #0x1, msl #16
orr v0.4s, #0xff, lsl #8
bic v0.8h, #0x3
fmov v0.4s, #-1.5
add v17.16b, v18.16b, v19.16b
sub v17.16b, v18.16b, v19.16b
cmtst v17.16b, v18.16b, v19.16b
cmeq v17.16b, v18.16b, v19.16b
cmgt v17.16b, v18.16b, v19.16b
cmhi v17.16b, v18.16b, v19.16b
cmge v17.16b, v18.16b, v19.16b
cmhs v17.16b, v18.16b, v19.16b
smax v17.16b, v18.16b, v19.16b
umax v17.16b, v18.16b, v19.16b
smin v17.16b, v18.16b, v19.16b
umin v17.16b, v18.16b, v19.16b
smaxp v17.16b, v18.16b, v19.16b
umaxp v17.16b, v18.16b, v19.16b
sminp v17.16b, v18.16b, v19.16b
uminp v17.16b, v18.16b, v19.16b
addp v17.16b, v18.16b, v19.16b
mul v17.16b, v18.16b, v19.16b
uzp1 v17.16b, v18.16b, v19.16b
uzp2 v17.16b, v18.16b, v19.16b
trn1 v17.16b, v18.16b, v19.16b
trn2 v17.16b, v18.16b, v19.16b
zip1 v17.16b, v18.16b, v19.16b
zip2 v17.16b, v18.16b, v19.16b
cmgt v17.16b, v18.16b, #0
cmge v17.16b, v18.16b, #0
cmeq v17.16b, v18.16b, #0
cmle v17.16b, v18.16b, #0
cmlt v17.16b, v18.16b, #0
abs v17.16b, v18.16b
neg v17.16b, v18.16b
add v17.8h, v18.8h, v19.8h
sub v17.8h, v18.8h, v19.8h
cmtst v17.8h, v18.8h, v19.8h
cmeq v17.8h, v18.8h, v19.8h
cmgt v17.8h, v18.8h, v19.8h
cmhi v17.8h, v18.8h, v19.8h
cmge v17.8h, v18.8h, v19.8h
cmhs v17.8h, v18.8h, v19.8h
smax v17.8h, v18.8h, v19.8h
umax v17.8h, v18.8h, v19.8h
smin v17.8h, v18.8h, v19.8h
umin v17.8h, v18.8h, v19.8h
smaxp v17.8h, v18.8h, v19.8h
umaxp v17.8h, v18.8h, v19.8h
sminp v17.8h, v18.8h, v19.8h
uminp v17.8h, v18.8h, v19.8h
addp v17.8h, v18.8h, v19.8h
mul v17.8h, v18.8h, v19.8h
uzp1 v17.8h, v18.8h, v19.8h
uzp2 v17.8h, v18.8h, v19.8h
trn1 v17.8h, v18.8h, v19.8h
trn2 v17.8h, v18.8h, v19.8h
zip1 v17.8h, v18.8h, v19.8h
zip2 v17.8h, v18.8h, v19.8h
cmgt v17.8h, v18.8h, #0
cmge v17.8h, v18.8h, #0
cmeq v17.8h, v18.8h, #0
cmle v17.8h, v18.8h, #0
cmlt v17.8h, v18.8h, #0
abs v17.8h, v18.8h
neg v17.8h, v18.8h
add v17.4s, v18.4s, v19.4s
sub v17.4s, v18.4s, v19.4s
cmtst v17.4s, v18.4s, v19.4s
cmeq v17.4s, v18.4s, v19.4s
cmgt v17.4s, v18.4s, v19.4s
cmhi v17.4s, v18.4s, v19.4s
cmge v17.4s, v18.4s, v19.4s
cmhs v17.4s, v18.4s, v19.4s
smax v17.4s, v18.4s, v19.4s
umax v17.4s, v18.4s, v19.4s
smin v17.4s, v18.4s, v19.4s
umin v17.4s, v18.4s, v19.4s
smaxp v17.4s, v18.4s, v19.4s
umaxp v17.4s, v18.4s, v19.4s
sminp v17.4s, v18.4s, v19.4s
uminp v17.4s, v18.4s, v19.4s
addp v17.4s, v18.4s, v19.4s
mul v17.4s, v18.4s, v19.4s
uzp1 v17.4s, v18.4s, v19.4s
uzp2 v17.4s, v18.4s, v19.4s
trn1 v17.4s, v18.4s, v19.4s
trn2 v17.4s, v18.4s, v19.4s
zip1 v17.4s, v18.4s, v19.4s
zip2 v17.4s, v18.4s, v19.4s
cmgt v17.4s, v18.4s, #0
cmge v17.4s, v18.4s, #0
cmeq v17.4s, v18.4s, #0
cmle v17.4s, v18.4s, #0
cmlt v17.4s, v18.4s, #0
abs v17.4s, v18.4s
neg v17.4s, v18.4s
and v17.16b, v18.16b, v19.16b
bic v17.16b, v18.16b, v19.16b
orr v17.16b, v18.16b, v19.16b
orn v17.16b, v18.16b, v19.16b
eor v17.16b, v18.16b, v19.16b
bsl v17.16b, v18.16b, v19.16b
bit v17.16b, v18.16b, v19.16b
bif v17.16b, v18.16b, v19.16b
mov v17.16b, v18.16b
mvn v17.16b, v18.16b
cnt v17.16b, v18.16b
rbit v17.16b, v18.16b
rev64 v17.16b, v18.16b
rev64 v17.8h, v18.8h
rev64 v17.4s, v18.4s
rev32 v17.16b, v18.16b
rev32 v17.8h, v18.8h
rev16 v17.16b, v18.16b
ext v17.16b, v18.16b, v19.16b, #1
tbl v17.16b, {v18.16b}, v19.16b
tbx v17.16b, {v18.16b, v19.16b}, v19.16b
tbl v17.16b, {v18.16b, v19.16b, v20.16b}, v19.16b
tbx v17.16b, {v18.16b, v19.16b, v20.16b, v21.16b}, v19.16b
addv b17, v18.16b
addv h17, v18.8h
smaxv b17, v18.16b
smaxv h17, v18.8h
umaxv b17, v18.16b
umaxv h17, v18.8h
sminv b17, v18.16b
sminv h17, v18.8h
uminv b17, v18.16b
uminv h17, v18.8h
saddlv h17, v18.16b
uaddlv s17, v18.8h
xtn2 v17.16b, v18.8h
xtn2 v17.8h, v18.4s
xtn2 v17.4s, v18.2d
shrn2 v17.16b, v18.8h, #3
shrn2 v17.4s, v18.2d, #32
sshll2 v17.8h, v18.16b, #7
ushll2 v17.4s, v18.8h, #0
sxtl2 v17.2d, v18.4s
sshr v17.16b, v18.16b, #8
sshr v17.8h, v18.8h, #1
sshr v17.4s, v18.4s, #17
ushr v17.16b, v18.16b, #8
ushr v17.8h, v18.8h, #1
ushr v17.4s, v18.4s, #17
ssra v17.16b, v18.16b, #8
ssra v17.8h, v18.8h, #1
ssra v17.4s, v18.4s, #17
usra v17.16b, v18.16b, #8
usra v17.8h, v18.8h, #1
usra v17.4s, v18.4s, #17
shl v17.16b, v18.16b, #7
shl v17.4s, v18.4s, #0
dup v17.16b, v18.b[1]
dup v17.4s, v18.s[3]
dup v17.8h, w18
movi v17.16b, #136
movi v17.4s, #0xab, lsl #24
movi v17.8h, #0x7f, lsl #8
mvni v17.4s, #0x1, msl #16
orr v17.4s, #0xff, lsl #8
bic v17.8h, #0x3
fmov v17.4s, #-1.5
add v31.16b, v0.16b, v1.16b
sub v31.16b, v0.16b, v1.16b
cmtst v31.16b, v0.16b, v1.16b
cmeq v31.16b, v0.16b, v1.16b
cmgt v31.16b, v0.16b, v1.16b
cmhi v31.16b, v0.16b, v1.16b
cmge v31.16b, v0.16b, v1.16b
cmhs v31.16b, v0.16b, v1.16b
smax v31.16b, v0.16b, v1.16b
umax v31.16b, v0.16b, v1.16b
smin v31.16b, v0.16b, v1.16b
umin v31.16b, v0.16b, v1.16b
smaxp v31.16b, v0.16b, v1.16b
umaxp v31.16b, v0.16b, v1.16b
sminp v31.16b, v0.16b, v1.16b
uminp v31.16b, v0.16b, v1.16b
addp v31.16b, v0.16b, v1.16b
mul v31.16b, v0.16b, v1.16b
uzp1 v31.16b, v0.16b, v1.16b
uzp2 v31.16b, v0.16b, v1.16b
trn1 v31.16b, v0.16b, v1.16b
trn2 v31.16b, v0.16b, v1.16b
zip1 v31.16b, v0.16b, v1.16b
zip2 v31.16b, v0.16b, v1.16b
cmgt v31.16b, v0.16b, #0
cmge v31.16b, v0.16b, #0
cmeq v31.16b, v0.16b, #0
cmle v31.16b, v0.16b, #0
cmlt v31.16b, v0.16b, #0
abs v31.16b, v0.16b
neg v31.16b, v0.16b
add v31.8h, v0.8h, v1.8h
sub v31.8h, v0.8h, v1.8h
cmtst v31.8h, v0.8h, v1.8h
cmeq v31.8h, v0.8h, v1.8h
cmgt v31.8h, v0.8h, v1.8h
cmhi v31.8h, v0.8h, v1.8h
cmge v31.8h, v0.8h, v1.8h
cmhs v31.8h, v0.8h, v1.8h
smax v31.8h, v0.8h, v1.8h
umax v31.8h, v0.8h, v1.8h
smin v31.8h, v0.8h, v1.8h
umin v31.8h, v0.8h, v1.8h
smaxp v31.8h, v0.8h, v1.8h
umaxp v31.8h, v0.8h, v1.8h
sminp v31.8h, v0.8h, v1.8h
uminp v31.8h, v0.8h, v1.8h
addp v31.8h, v0.8h, v1.8h
mul v31.8h, v0.8h, v1.8h
uzp1 v31.8h, v0.8h, v1.8h
uzp2 v31.8h, v0.8h, v1.8h
trn1 v31.8h, v0.8h, v1.8h
trn2 v31.8h, v0.8h, v1.8h
zip1 v31.8h, v0.8h, v1.8h
zip2 v31.8h, v0.8h, v1.8h
cmgt v31.8h, v0.8h, #0
cmge v31.8h, v0.8h, #0
cmeq v31.8h, v0.8h, #0
cmle v31.8h, v0.8h, #0
cmlt v31.8h, v0.8h, #0
abs v31.8h, v0.8h
neg v31.8h, v0.8h
add v31.4s, v0.4s, v1.4s
sub v31.4s, v0.4s, v1.4s
cmtst v31.4s, v0.4s, v1.4s
cmeq v31.4s, v0.4s, v1.4s
cmgt v31.4s, v0.4s, v1.4s
cmhi v31.4s, v0.4s, v1.4s
cmge v31.4s, v0.4s, v1.4s
cmhs v31.4s, v0.4s, v1.4s
smax v31.4s, v0.4s, v1.4s
umax v31.4s, v0.4s, v1.4s
smin v31.4s, v0.4s, v1.4s
umin v31.4s, v0.4s, v1.4s
smaxp v31.4s, v0.4s, v1.4s
umaxp v31.4s, v0.4s, v1.4s
sminp v31.4s, v0.4s, v1.4s
uminp v31.4s, v0.4s, v1.4s
addp v31.4s, v0.4s, v1.4s
mul v31.4s, v0.4s, v1.4s
uzp1 v31.4s, v0.4s, v1.4s
uzp2 v31.4s, v0.4s, v1.4s
trn1 v31.4s, v0.4s, v1.4s
trn2 v31.4s, v0.4s, v1.4s
zip1 v31.4s, v0.4s, v1.4s
zip2 v31.4s, v0.4s, v1.4s
cmgt v31.4s, v0.4s, #0
cmge v31.4s, v0.4s, #0
cmeq v31.4s, v0.4s, #0
cmle v31.4s, v0.4s, #0
cmlt v31.4s, v0.4s, #0
abs v31.4s, v0.4s
neg v31.4s, v0.4s
and v31.16b, v0.16b, v1.16b
bic v31.16b, v0.16b, v1.16b
orr v31.16b, v0.16b, v1.16b
orn v31.16b, v0.16b, v1.16b
eor v31.16b, v0.16b, v1.16b
bsl v31.16b, v0.16b, v1.16b
bit v31.16b, v0.16b, v1.16b
bif v31.16b, v0.16b, v1.16b
mov v31.16b, v0.16b
mvn v31.16b, v0.16b
cnt v31.16b, v0.16b
rbit v31.16b, v0.16b
rev64 v31.16b, v0.16b
rev64 v31.8h, v0.8h
rev64 v31.4s, v0.4s
rev32 v31.16b, v0.16b
rev32 v31.8h, v0.8h
rev16 v31.16b, v0.16b
ext v31.16b, v0.16b, v1.16b, #7
tbl v31.16b, {v0.16b}, v1.16b
tbx v31.16b, {v0.16b, v1.16b}, v1.16b
tbl v31.16b, {v0.16b, v1.16b, v2.16b}, v1.16b
tbx v31.16b, {v0.16b, v1.16b, v2.16b, v3.16b}, v1.16b
addv b31, v0.16b
addv h31, v0.8h
smaxv b31, v0.16b
smaxv h31, v0.8h
umaxv b31, v0.16b
umaxv h31, v0.8h
sminv b31, v0.16b
sminv h31, v0.8h
uminv b31, v0.16b
uminv h31, v0.8h
saddlv h31, v0.16b
uaddlv s31, v0.8h
xtn2 v31.16b, v0.8h
xtn2 v31.8h, v0.4s
xtn2 v31.4s, v0.2d
shrn2 v31.16b, v0.8h, #3
shrn2 v31.4s, v0.2d, #32
sshll2 v31.8h, v0.16b, #7
ushll2 v31.4s, v0.8h, #0
sxtl2 v31.2d, v0.4s
sshr v31.16b, v0.16b, #8
sshr v31.8h, v0.8h, #1
sshr v31.4s, v0.4s, #17
ushr v31.16b, v0.16b, #8
ushr v31.8h, v0.8h, #1
ushr v31.4s, v0.4s, #17
ssra v31.16b, v0.16b, #8
ssra v31.8h, v0.8h, #1
ssra v31.4s, v0.4s, #17
usra v31.16b, v0.16b, #8
usra v31.8h, v0.8h, #1
usra v31.4s, v0.4s, #17
shl v31.16b, v0.16b, #7
shl v31.4s, v0.4s, #0
dup v31.16b, v0.b[7]
dup v31.4s, v0.s[3]
dup v31.8h, w0
movi v31.16b, #248
movi v31.4s, #0xab, lsl #24
movi v31.8h, #0x7f, lsl #8
mvni v31.4s, #0x1, msl #16
orr v31.4s, #0xff, lsl #8
bic v31.8h, #0x3
fmov v31.4s, #-1.5
add v0.2d, v1.2d, v0.2d
cmhs v0.2d, v1.2d, v0.2d
addp v0.2d, v1.2d, v0.2d
ushr v0.2d, v1.2d, #64
sshr v0.2d, v1.2d, #1
shl v0.2d, v1.2d, #63
usra v0.2d, v1.2d, #9
dup v0.2d, v1.d[1]
dup v0.2d, x1
addp d0, v1.2d
movi d0, #0xff00ff00ff00ff00
movi v0.2d, #0xffffffffffffffff
fmov v0.2d, #0.5
mov v0.b[0], w1
umov w0, v1.b[0]
smov x0, v1.b[0]
mov v0.b[1], w1
umov w0, v1.b[1]
smov x0, v1.b[1]
mov v0.b[15], w1
umov w0, v1.b[15]
smov x0, v1.b[15]
mov v0.h[0], w1
umov w0, v1.h[0]
smov w0, v1.h[0]
mov v0.h[3], w1
umov w0, v1.h[3]
smov w0, v1.h[3]
mov v0.h[7], w1
umov w0, v1.h[7]
smov w0, v1.h[7]
mov v0.s[0], w1
mov w0, v1.s[0]
smov x0, v1.s[0]
mov v0.s[3], w1
mov w0, v1.s[3]
smov x0, v1.s[3]
mov v0.d[0], x1
mov x0, v1.d[0]
mov v0.d[1], x1
mov x0, v1.d[1]
mov v0.s[2], v1.s[1]
mov v0.b[15], v1.b[0]
mov v0.d[0], v1.d[1]
mov v0.h[4], v1.h[7]
mov b0, v1.b[9]
mov h0, v1.h[3]
mov s0, v1.s[3]
mov d0, v1.d[1]
add v17.2d, v18.2d, v17.2d
cmhs v17.2d, v18.2d, v17.2d
addp v17.2d, v18.2d, v17.2d
ushr v17.2d, v18.2d, #64
sshr v17.2d, v18.2d, #1
shl v17.2d, v18.2d, #63
usra v17.2d, v18.2d, #9
dup v17.2d, v18.d[1]
dup v17.2d, x18
addp d17, v18.2d
movi d17, #0xff00ff00ff00ff00
movi v17.2d, #0xffffffffffffffff
fmov v17.2d, #0.5
mov v17.b[0], w18
umov w17, v18.b[0]
smov x17, v18.b[0]
mov v17.b[1], w18
umov w17, v18.b[1]
smov x17, v18.b[1]
mov v17.b[15], w18
umov w17, v18.b[15]
smov x17, v18.b[15]
mov v17.h[0], w18
umov w17, v18.h[0]
smov w17, v18.h[0]
mov v17.h[3], w18
umov w17, v18.h[3]
smov w17, v18.h[3]
mov v17.h[7], w18
umov w17, v18.h[7]
smov w17, v18.h[7]
mov v17.s[0], w18
mov w17, v18.s[0]
smov x17, v18.s[0]
mov v17.s[3], w18
mov w17, v18.s[3]
smov x17, v18.s[3]
mov v17.d[0], x18
mov x17, v18.d[0]
mov v17.d[1], x18
mov x17, v18.d[1]
mov v17.s[2], v18.s[1]
mov v17.b[15], v18.b[0]
mov v17.d[0], v18.d[1]
mov v17.h[4], v18.h[7]
mov b17, v18.b[9]
mov h17, v18.h[3]
mov s17, v18.s[3]
mov d17, v18.d[1]
add v31.2d, v0.2d, v31.2d
cmhs v31.2d, v0.2d, v31.2d
addp v31.2d, v0.2d, v31.2d
ushr v31.2d, v0.2d, #64
sshr v31.2d, v0.2d, #1
shl v31.2d, v0.2d, #63
usra v31.2d, v0.2d, #9
dup v31.2d, v0.d[1]
dup v31.2d, x0
addp d31, v0.2d
movi d31, #0xff00ff00ff00ff00
movi v31.2d, #0xffffffffffffffff
fmov v31.2d, #0.5
mov v31.b[0], w0
umov wzr, v0.b[0]
smov xzr, v0.b[0]
mov v31.b[1], w0
umov wzr, v0.b[1]
smov xzr, v0.b[1]
mov v31.b[15], w0
umov wzr, v0.b[15]
smov xzr, v0.b[15]
mov v31.h[0], w0
umov wzr, v0.h[0]
smov wzr, v0.h[0]
mov v31.h[3], w0
umov wzr, v0.h[3]
smov wzr, v0.h[3]
mov v31.h[7], w0
umov wzr, v0.h[7]
smov wzr, v0.h[7]
mov v31.s[0], w0
mov wzr, v0.s[0]
smov xzr, v0.s[0]
mov v31.s[3], w0
mov wzr, v0.s[3]
smov xzr, v0.s[3]
mov v31.d[0], x0
mov xzr, v0.d[0]
mov v31.d[1], x0
mov xzr, v0.d[1]
mov v31.s[2], v0.s[1]
mov v31.b[15], v0.b[0]
mov v31.d[0], v0.d[1]
mov v31.h[4], v0.h[7]
mov b31, v0.b[9]
mov h31, v0.h[3]
mov s31, v0.s[3]
mov d31, v0.d[1]
