.arch armv8.1-a
movk w3, #0x8000, lsl #0
movz w1, #0x8000, lsl #16
movn w2, #0x8000, lsl #16
movk w3, #0x8000, lsl #16
movz x1, #0x1234, lsl #0
movn x2, #0x1234, lsl #0
movk x3, #0x1234, lsl #0
movz x1, #0x1234, lsl #16
movn x2, #0x1234, lsl #16
movk x3, #0x1234, lsl #16
movz x1, #0x1234, lsl #32
movn x2, #0x1234, lsl #32
movk x3, #0x1234, lsl #32
movz x1, #0x1234, lsl #48
movn x2, #0x1234, lsl #48
movk x3, #0x1234, lsl #48
movz w1, #0x1234, lsl #0
movn w2, #0x1234, lsl #0
movk w3, #0x1234, lsl #0
movz w1, #0x1234, lsl #16
movn w2, #0x1234, lsl #16
movk w3, #0x1234, lsl #16
sbfm x1, x2, #0, #0
ubfm x3, x4, #0, #0
bfm x5, x6, #0, #0
bfm x7, xzr, #0, #0
sbfm w1, w2, #0, #0
ubfm w3, w4, #0, #0
bfm w5, w6, #0, #0
bfm w7, wzr, #0, #0
sbfm x1, x2, #0, #1
ubfm x3, x4, #0, #1
bfm x5, x6, #0, #1
bfm x7, xzr, #0, #1
sbfm w1, w2, #0, #1
ubfm w3, w4, #0, #1
bfm w5, w6, #0, #1
bfm w7, wzr, #0, #1
sbfm x1, x2, #0, #6
ubfm x3, x4, #0, #6
bfm x5, x6, #0, #6
bfm x7, xzr, #0, #6
sbfm w1, w2, #0, #6
ubfm w3, w4, #0, #6
bfm w5, w6, #0, #6
bfm w7, wzr, #0, #6
sbfm x1, x2, #0, #7
ubfm x3, x4, #0, #7
bfm x5, x6, #0, #7
bfm x7, xzr, #0, #7
sbfm w1, w2, #0, #7
ubfm w3, w4, #0, #7
bfm w5, w6, #0, #7
bfm w7, wzr, #0, #7
sbfm x1, x2, #0, #8
ubfm x3, x4, #0, #8
bfm x5, x6, #0, #8
bfm x7, xzr, #0, #8
sbfm w1, w2, #0, #8
ubfm w3, w4, #0, #8
bfm w5, w6, #0, #8
bfm w7, wzr, #0, #8
sbfm x1, x2, #0, #14
ubfm x3, x4, #0, #14
bfm x5, x6, #0, #14
bfm x7, xzr, #0, #14
sbfm w1, w2, #0, #14
ubfm w3, w4, #0, #14
bfm w5, w6, #0, #14
bfm w7, wzr, #0, #14
sbfm x1, x2, #0, #15
ubfm x3, x4, #0, #15
bfm x5, x6, #0, #15
bfm x7, xzr, #0, #15
sbfm w1, w2, #0, #15
ubfm w3, w4, #0, #15
bfm w5, w6, #0, #15
bfm w7, wzr, #0, #15
sbfm x1, x2, #0, #16
ubfm x3, x4, #0, #16
bfm x5, x6, #0, #16
bfm x7, xzr, #0, #16
sbfm w1, w2, #0, #16
ubfm w3, w4, #0, #16
bfm w5, w6, #0, #16
bfm w7, wzr, #0, #16
sbfm x1, x2, #0, #30
ubfm x3, x4, #0, #30
bfm x5, x6, #0, #30
bfm x7, xzr, #0, #30
sbfm w1, w2, #0, #30
ubfm w3, w4, #0, #30
bfm w5, w6, #0, #30
bfm w7, wzr, #0, #30
sbfm x1, x2, #0, #31
ubfm x3, x4, #0, #31
bfm x5, x6, #0, #31
bfm x7, xzr, #0, #31
sbfm w1, w2, #0, #31
ubfm w3, w4, #0, #31
bfm w5, w6, #0, #31
bfm w7, wzr, #0, #31
sbfm x1, x2, #0, #32
ubfm x3, x4, #0, #32
bfm x5, x6, #0, #32
bfm x7, xzr, #0, #32
sbfm x1, x2, #0, #62
ubfm x3, x4, #0, #62
bfm x5, x6, #0, #62
bfm x7, xzr, #0, #62
sbfm x1, x2, #0, #63
ubfm x3, x4, #0, #63
bfm x5, x6, #0, #63
bfm x7, xzr, #0, #63
sbfm x1, x2, #1, #0
ubfm x3, x4, #1, #0
bfm x5, x6, #1, #0
bfm x7, xzr, #1, #0
sbfm w1, w2, #1, #0
ubfm w3, w4, #1, #0
bfm w5, w6, #1, #0
bfm w7, wzr, #1, #0
sbfm x1, x2, #1, #1
ubfm x3, x4, #1, #1
bfm x5, x6, #1, #1
bfm x7, xzr, #1, #1
sbfm w1, w2, #1, #1
ubfm w3, w4, #1, #1
bfm w5, w6, #1, #1
bfm w7, wzr, #1, #1
sbfm x1, x2, #1, #6
ubfm x3, x4, #1, #6
bfm x5, x6, #1, #6
bfm x7, xzr, #1, #6
sbfm w1, w2, #1, #6
ubfm w3, w4, #1, #6
bfm w5, w6, #1, #6
bfm w7, wzr, #1, #6
sbfm x1, x2, #1, #7
ubfm x3, x4, #1, #7
bfm x5, x6, #1, #7
bfm x7, xzr, #1, #7
sbfm w1, w2, #1, #7
ubfm w3, w4, #1, #7
bfm w5, w6, #1, #7
bfm w7, wzr, #1, #7
sbfm x1, x2, #1, #8
ubfm x3, x4, #1, #8
bfm x5, x6, #1, #8
bfm x7, xzr, #1, #8
sbfm w1, w2, #1, #8
ubfm w3, w4, #1, #8
bfm w5, w6, #1, #8
bfm w7, wzr, #1, #8
sbfm x1, x2, #1, #14
ubfm x3, x4, #1, #14
bfm x5, x6, #1, #14
bfm x7, xzr, #1, #14
sbfm w1, w2, #1, #14
ubfm w3, w4, #1, #14
bfm w5, w6, #1, #14
bfm w7, wzr, #1, #14
sbfm x1, x2, #1, #15
ubfm x3, x4, #1, #15
bfm x5, x6, #1, #15
bfm x7, xzr, #1, #15
sbfm w1, w2, #1, #15
ubfm w3, w4, #1, #15
bfm w5, w6, #1, #15
bfm w7, wzr, #1, #15
sbfm x1, x2, #1, #16
ubfm x3, x4, #1, #16
bfm x5, x6, #1, #16
bfm x7, xzr, #1, #16
sbfm w1, w2, #1, #16
ubfm w3, w4, #1, #16
bfm w5, w6, #1, #16
bfm w7, wzr, #1, #16
sbfm x1, x2, #1, #30
ubfm x3, x4, #1, #30
bfm x5, x6, #1, #30
bfm x7, xzr, #1, #30
sbfm w1, w2, #1, #30
ubfm w3, w4, #1, #30
bfm w5, w6, #1, #30
bfm w7, wzr, #1, #30
sbfm x1, x2, #1, #31
ubfm x3, x4, #1, #31
bfm x5, x6, #1, #31
bfm x7, xzr, #1, #31
sbfm w1, w2, #1, #31
ubfm w3, w4, #1, #31
bfm w5, w6, #1, #31
bfm w7, wzr, #1, #31
sbfm x1, x2, #1, #32
ubfm x3, x4, #1, #32
bfm x5, x6, #1, #32
bfm x7, xzr, #1, #32
sbfm x1, x2, #1, #62
ubfm x3, x4, #1, #62
bfm x5, x6, #1, #62
bfm x7, xzr, #1, #62
sbfm x1, x2, #1, #63
ubfm x3, x4, #1, #63
bfm x5, x6, #1, #63
bfm x7, xzr, #1, #63
sbfm x1, x2, #7, #0
ubfm x3, x4, #7, #0
bfm x5, x6, #7, #0
bfm x7, xzr, #7, #0
sbfm w1, w2, #7, #0
ubfm w3, w4, #7, #0
bfm w5, w6, #7, #0
bfm w7, wzr, #7, #0
sbfm x1, x2, #7, #1
ubfm x3, x4, #7, #1
bfm x5, x6, #7, #1
bfm x7, xzr, #7, #1
sbfm w1, w2, #7, #1
ubfm w3, w4, #7, #1
bfm w5, w6, #7, #1
bfm w7, wzr, #7, #1
sbfm x1, x2, #7, #6
ubfm x3, x4, #7, #6
bfm x5, x6, #7, #6
bfm x7, xzr, #7, #6
sbfm w1, w2, #7, #6
ubfm w3, w4, #7, #6
bfm w5, w6, #7, #6
bfm w7, wzr, #7, #6
sbfm x1, x2, #7, #7
ubfm x3, x4, #7, #7
bfm x5, x6, #7, #7
bfm x7, xzr, #7, #7
sbfm w1, w2, #7, #7
ubfm w3, w4, #7, #7
bfm w5, w6, #7, #7
bfm w7, wzr, #7, #7
sbfm x1, x2, #7, #8
ubfm x3, x4, #7, #8
bfm x5, x6, #7, #8
bfm x7, xzr, #7, #8
sbfm w1, w2, #7, #8
ubfm w3, w4, #7, #8
bfm w5, w6, #7, #8
bfm w7, wzr, #7, #8
sbfm x1, x2, #7, #14
ubfm x3, x4, #7, #14
bfm x5, x6, #7, #14
bfm x7, xzr, #7, #14
sbfm w1, w2, #7, #14
ubfm w3, w4, #7, #14
bfm w5, w6, #7, #14
bfm w7, wzr, #7, #14
sbfm x1, x2, #7, #15
ubfm x3, x4, #7, #15
bfm x5, x6, #7, #15
bfm x7, xzr, #7, #15
sbfm w1, w2, #7, #15
ubfm w3, w4, #7, #15
bfm w5, w6, #7, #15
bfm w7, wzr, #7, #15
sbfm x1, x2, #7, #16
ubfm x3, x4, #7, #16
bfm x5, x6, #7, #16
bfm x7, xzr, #7, #16
sbfm w1, w2, #7, #16
ubfm w3, w4, #7, #16
bfm w5, w6, #7, #16
bfm w7, wzr, #7, #16
sbfm x1, x2, #7, #30
ubfm x3, x4, #7, #30
bfm x5, x6, #7, #30
bfm x7, xzr, #7, #30
sbfm w1, w2, #7, #30
ubfm w3, w4, #7, #30
bfm w5, w6, #7, #30
bfm w7, wzr, #7, #30
sbfm x1, x2, #7, #31
ubfm x3, x4, #7, #31
bfm x5, x6, #7, #31
bfm x7, xzr, #7, #31
sbfm w1, w2, #7, #31
ubfm w3, w4, #7, #31
bfm w5, w6, #7, #31
bfm w7, wzr, #7, #31
sbfm x1, x2, #7, #32
ubfm x3, x4, #7, #32
bfm x5, x6, #7, #32
bfm x7, xzr, #7, #32
sbfm x1, x2, #7, #62
ubfm x3, x4, #7, #62
bfm x5, x6, #7, #62
bfm x7, xzr, #7, #62
sbfm x1, x2, #7, #63
ubfm x3, x4, #7, #63
bfm x5, x6, #7, #63
bfm x7, xzr, #7, #63
sbfm x1, x2, #8, #0
ubfm x3, x4, #8, #0
bfm x5, x6, #8, #0
bfm x7, xzr, #8, #0
sbfm w1, w2, #8, #0
ubfm w3, w4, #8, #0
bfm w5, w6, #8, #0
bfm w7, wzr, #8, #0
sbfm x1, x2, #8, #1
ubfm x3, x4, #8, #1
bfm x5, x6, #8, #1
bfm x7, xzr, #8, #1
sbfm w1, w2, #8, #1
ubfm w3, w4, #8, #1
bfm w5, w6, #8, #1
bfm w7, wzr, #8, #1
sbfm x1, x2, #8, #6
ubfm x3, x4, #8, #6
bfm x5, x6, #8, #6
bfm x7, xzr, #8, #6
sbfm w1, w2, #8, #6
ubfm w3, w4, #8, #6
bfm w5, w6, #8, #6
bfm w7, wzr, #8, #6
sbfm x1, x2, #8, #7
ubfm x3, x4, #8, #7
bfm x5, x6, #8, #7
bfm x7, xzr, #8, #7
sbfm w1, w2, #8, #7
ubfm w3, w4, #8, #7
bfm w5, w6, #8, #7
bfm w7, wzr, #8, #7
sbfm x1, x2, #8, #8
ubfm x3, x4, #8, #8
bfm x5, x6, #8, #8
bfm x7, xzr, #8, #8
sbfm w1, w2, #8, #8
ubfm w3, w4, #8, #8
bfm w5, w6, #8, #8
bfm w7, wzr, #8, #8
sbfm x1, x2, #8, #14
ubfm x3, x4, #8, #14
bfm x5, x6, #8, #14
bfm x7, xzr, #8, #14
sbfm w1, w2, #8, #14
ubfm w3, w4, #8, #14
bfm w5, w6, #8, #14
bfm w7, wzr, #8, #14
sbfm x1, x2, #8, #15
ubfm x3, x4, #8, #15
bfm x5, x6, #8, #15
bfm x7, xzr, #8, #15
sbfm w1, w2, #8, #15
ubfm w3, w4, #8, #15
bfm w5, w6, #8, #15
bfm w7, wzr, #8, #15
sbfm x1, x2, #8, #16
ubfm x3, x4, #8, #16
bfm x5, x6, #8, #16
bfm x7, xzr, #8, #16
sbfm w1, w2, #8, #16
ubfm w3, w4, #8, #16
bfm w5, w6, #8, #16
bfm w7, wzr, #8, #16
sbfm x1, x2, #8, #30
ubfm x3, x4, #8, #30
bfm x5, x6, #8, #30
bfm x7, xzr, #8, #30
sbfm w1, w2, #8, #30
ubfm w3, w4, #8, #30
bfm w5, w6, #8, #30
bfm w7, wzr, #8, #30
sbfm x1, x2, #8, #31
ubfm x3, x4, #8, #31
bfm x5, x6, #8, #31
bfm x7, xzr, #8, #31
sbfm w1, w2, #8, #31
ubfm w3, w4, #8, #31
bfm w5, w6, #8, #31
bfm w7, wzr, #8, #31
sbfm x1, x2, #8, #32
ubfm x3, x4, #8, #32
bfm x5, x6, #8, #32
bfm x7, xzr, #8, #32
sbfm x1, x2, #8, #62
ubfm x3, x4, #8, #62
bfm x5, x6, #8, #62
bfm x7, xzr, #8, #62
sbfm x1, x2, #8, #63
ubfm x3, x4, #8, #63
bfm x5, x6, #8, #63
bfm x7, xzr, #8, #63
sbfm x1, x2, #15, #0
ubfm x3, x4, #15, #0
bfm x5, x6, #15, #0
bfm x7, xzr, #15, #0
sbfm w1, w2, #15, #0
ubfm w3, w4, #15, #0
bfm w5, w6, #15, #0
bfm w7, wzr, #15, #0
sbfm x1, x2, #15, #1
ubfm x3, x4, #15, #1
bfm x5, x6, #15, #1
bfm x7, xzr, #15, #1
sbfm w1, w2, #15, #1
ubfm w3, w4, #15, #1
bfm w5, w6, #15, #1
bfm w7, wzr, #15, #1
sbfm x1, x2, #15, #6
ubfm x3, x4, #15, #6
bfm x5, x6, #15, #6
bfm x7, xzr, #15, #6
sbfm w1, w2, #15, #6
ubfm w3, w4, #15, #6
bfm w5, w6, #15, #6
bfm w7, wzr, #15, #6
sbfm x1, x2, #15, #7
ubfm x3, x4, #15, #7
bfm x5, x6, #15, #7
bfm x7, xzr, #15, #7
sbfm w1, w2, #15, #7
ubfm w3, w4, #15, #7
bfm w5, w6, #15, #7
bfm w7, wzr, #15, #7
sbfm x1, x2, #15, #8
ubfm x3, x4, #15, #8
bfm x5, x6, #15, #8
bfm x7, xzr, #15, #8
sbfm w1, w2, #15, #8
ubfm w3, w4, #15, #8
bfm w5, w6, #15, #8
bfm w7, wzr, #15, #8
sbfm x1, x2, #15, #14
ubfm x3, x4, #15, #14
bfm x5, x6, #15, #14
bfm x7, xzr, #15, #14
sbfm w1, w2, #15, #14
ubfm w3, w4, #15, #14
bfm w5, w6, #15, #14
bfm w7, wzr, #15, #14
sbfm x1, x2, #15, #15
ubfm x3, x4, #15, #15
bfm x5, x6, #15, #15
bfm x7, xzr, #15, #15
sbfm w1, w2, #15, #15
ubfm w3, w4, #15, #15
bfm w5, w6, #15, #15
bfm w7, wzr, #15, #15
sbfm x1, x2, #15, #16
ubfm x3, x4, #15, #16
bfm x5, x6, #15, #16
bfm x7, xzr, #15, #16
sbfm w1, w2, #15, #16
ubfm w3, w4, #15, #16
bfm w5, w6, #15, #16
bfm w7, wzr, #15, #16
sbfm x1, x2, #15, #30
ubfm x3, x4, #15, #30
bfm x5, x6, #15, #30
bfm x7, xzr, #15, #30
sbfm w1, w2, #15, #30
ubfm w3, w4, #15, #30
bfm w5, w6, #15, #30
bfm w7, wzr, #15, #30
sbfm x1, x2, #15, #31
ubfm x3, x4, #15, #31
bfm x5, x6, #15, #31
bfm x7, xzr, #15, #31
sbfm w1, w2, #15, #31
ubfm w3, w4, #15, #31
bfm w5, w6, #15, #31
bfm w7, wzr, #15, #31
sbfm x1, x2, #15, #32
ubfm x3, x4, #15, #32
bfm x5, x6, #15, #32
bfm x7, xzr, #15, #32
sbfm x1, x2, #15, #62
ubfm x3, x4, #15, #62
bfm x5, x6, #15, #62
bfm x7, xzr, #15, #62
sbfm x1, x2, #15, #63
ubfm x3, x4, #15, #63
bfm x5, x6, #15, #63
bfm x7, xzr, #15, #63
sbfm x1, x2, #16, #0
ubfm x3, x4, #16, #0
bfm x5, x6, #16, #0
bfm x7, xzr, #16, #0
sbfm w1, w2, #16, #0
ubfm w3, w4, #16, #0
bfm w5, w6, #16, #0
bfm w7, wzr, #16, #0
sbfm x1, x2, #16, #1
ubfm x3, x4, #16, #1
bfm x5, x6, #16, #1
bfm x7, xzr, #16, #1
sbfm w1, w2, #16, #1
ubfm w3, w4, #16, #1
bfm w5, w6, #16, #1
bfm w7, wzr, #16, #1
sbfm x1, x2, #16, #6
ubfm x3, x4, #16, #6
bfm x5, x6, #16, #6
bfm x7, xzr, #16, #6
sbfm w1, w2, #16, #6
ubfm w3, w4, #16, #6
bfm w5, w6, #16, #6
bfm w7, wzr, #16, #6
sbfm x1, x2, #16, #7
ubfm x3, x4, #16, #7
bfm x5, x6, #16, #7
bfm x7, xzr, #16, #7
sbfm w1, w2, #16, #7
ubfm w3, w4, #16, #7
bfm w5, w6, #16, #7
bfm w7, wzr, #16, #7
sbfm x1, x2, #16, #8
ubfm x3, x4, #16, #8
bfm x5, x6, #16, #8
bfm x7, xzr, #16, #8
sbfm w1, w2, #16, #8
ubfm w3, w4, #16, #8
bfm w5, w6, #16, #8
bfm w7, wzr, #16, #8
sbfm x1, x2, #16, #14
ubfm x3, x4, #16, #14
bfm x5, x6, #16, #14
bfm x7, xzr, #16, #14
sbfm w1, w2, #16, #14
ubfm w3, w4, #16, #14
bfm w5, w6, #16, #14
bfm w7, wzr, #16, #14
sbfm x1, x2, #16, #15
ubfm x3, x4, #16, #15
bfm x5, x6, #16, #15
bfm x7, xzr, #16, #15
sbfm w1, w2, #16, #15
ubfm w3, w4, #16, #15
bfm w5, w6, #16, #15
bfm w7, wzr, #16, #15
sbfm x1, x2, #16, #16
ubfm x3, x4, #16, #16
bfm x5, x6, #16, #16
bfm x7, xzr, #16, #16
sbfm w1, w2, #16, #16
ubfm w3, w4, #16, #16
bfm w5, w6, #16, #16
bfm w7, wzr, #16, #16
sbfm x1, x2, #16, #30
ubfm x3, x4, #16, #30
bfm x5, x6, #16, #30
bfm x7, xzr, #16, #30
sbfm w1, w2, #16, #30
ubfm w3, w4, #16, #30
bfm w5, w6, #16, #30
bfm w7, wzr, #16, #30
sbfm x1, x2, #16, #31
ubfm x3, x4, #16, #31
bfm x5, x6, #16, #31
bfm x7, xzr, #16, #31
sbfm w1, w2, #16, #31
ubfm w3, w4, #16, #31
bfm w5, w6, #16, #31
bfm w7, wzr, #16, #31
sbfm x1, x2, #16, #32
ubfm x3, x4, #16, #32
bfm x5, x6, #16, #32
bfm x7, xzr, #16, #32
sbfm x1, x2, #16, #62
ubfm x3, x4, #16, #62
bfm x5, x6, #16, #62
bfm x7, xzr, #16, #62
sbfm x1, x2, #16, #63
ubfm x3, x4, #16, #63
bfm x5, x6, #16, #63
bfm x7, xzr, #16, #63
sbfm x1, x2, #31, #0
ubfm x3, x4, #31, #0
bfm x5, x6, #31, #0
bfm x7, xzr, #31, #0
sbfm w1, w2, #31, #0
ubfm w3, w4, #31, #0
bfm w5, w6, #31, #0
bfm w7, wzr, #31, #0
sbfm x1, x2, #31, #1
ubfm x3, x4, #31, #1
bfm x5, x6, #31, #1
bfm x7, xzr, #31, #1
sbfm w1, w2, #31, #1
ubfm w3, w4, #31, #1
bfm w5, w6, #31, #1
bfm w7, wzr, #31, #1
sbfm x1, x2, #31, #6
ubfm x3, x4, #31, #6
bfm x5, x6, #31, #6
bfm x7, xzr, #31, #6
sbfm w1, w2, #31, #6
ubfm w3, w4, #31, #6
bfm w5, w6, #31, #6
bfm w7, wzr, #31, #6
sbfm x1, x2, #31, #7
ubfm x3, x4, #31, #7
bfm x5, x6, #31, #7
bfm x7, xzr, #31, #7
sbfm w1, w2, #31, #7
ubfm w3, w4, #31, #7
bfm w5, w6, #31, #7
bfm w7, wzr, #31, #7
sbfm x1, x2, #31, #8
ubfm x3, x4, #31, #8
bfm x5, x6, #31, #8
bfm x7, xzr, #31, #8
sbfm w1, w2, #31, #8
ubfm w3, w4, #31, #8
bfm w5, w6, #31, #8
bfm w7, wzr, #31, #8
sbfm x1, x2, #31, #14
ubfm x3, x4, #31, #14
bfm x5, x6, #31, #14
bfm x7, xzr, #31, #14
sbfm w1, w2, #31, #14
ubfm w3, w4, #31, #14
bfm w5, w6, #31, #14
bfm w7, wzr, #31, #14
sbfm x1, x2, #31, #15
ubfm x3, x4, #31, #15
bfm x5, x6, #31, #15
bfm x7, xzr, #31, #15
sbfm w1, w2, #31, #15
ubfm w3, w4, #31, #15
bfm w5, w6, #31, #15
bfm w7, wzr, #31, #15
sbfm x1, x2, #31, #16
ubfm x3, x4, #31, #16
bfm x5, x6, #31, #16
bfm x7, xzr, #31, #16
sbfm w1, w2, #31, #16
ubfm w3, w4, #31, #16
bfm w5, w6, #31, #16
bfm w7, wzr, #31, #16
sbfm x1, x2, #31, #30
ubfm x3, x4, #31, #30
bfm x5, x6, #31, #30
bfm x7, xzr, #31, #30
sbfm w1, w2, #31, #30
ubfm w3, w4, #31, #30
bfm w5, w6, #31, #30
bfm w7, wzr, #31, #30
sbfm x1, x2, #31, #31
ubfm x3, x4, #31, #31
bfm x5, x6, #31, #31
bfm x7, xzr, #31, #31
sbfm w1, w2, #31, #31
ubfm w3, w4, #31, #31
bfm w5, w6, #31, #31
bfm w7, wzr, #31, #31
sbfm x1, x2, #31, #32
ubfm x3, x4, #31, #32
bfm x5, x6, #31, #32
bfm x7, xzr, #31, #32
sbfm x1, x2, #31, #62
ubfm x3, x4, #31, #62
bfm x5, x6, #31, #62
bfm x7, xzr, #31, #62
sbfm x1, x2, #31, #63
ubfm x3, x4, #31, #63
bfm x5, x6, #31, #63
bfm x7, xzr, #31, #63
sbfm x1, x2, #32, #0
ubfm x3, x4, #32, #0
bfm x5, x6, #32, #0
bfm x7, xzr, #32, #0
sbfm x1, x2, #32, #1
ubfm x3, x4, #32, #1
bfm x5, x6, #32, #1
bfm x7, xzr, #32, #1
sbfm x1, x2, #32, #6
ubfm x3, x4, #32, #6
bfm x5, x6, #32, #6
bfm x7, xzr, #32, #6
sbfm x1, x2, #32, #7
ubfm x3, x4, #32, #7
bfm x5, x6, #32, #7
bfm x7, xzr, #32, #7
sbfm x1, x2, #32, #8
ubfm x3, x4, #32, #8
bfm x5, x6, #32, #8
bfm x7, xzr, #32, #8
sbfm x1, x2, #32, #14
ubfm x3, x4, #32, #14
bfm x5, x6, #32, #14
bfm x7, xzr, #32, #14
sbfm x1, x2, #32, #15
ubfm x3, x4, #32, #15
bfm x5, x6, #32, #15
bfm x7, xzr, #32, #15
sbfm x1, x2, #32, #16
ubfm x3, x4, #32, #16
bfm x5, x6, #32, #16
bfm x7, xzr, #32, #16
sbfm x1, x2, #32, #30
ubfm x3, x4, #32, #30
bfm x5, x6, #32, #30
bfm x7, xzr, #32, #30
sbfm x1, x2, #32, #31
ubfm x3, x4, #32, #31
bfm x5, x6, #32, #31
bfm x7, xzr, #32, #31
sbfm x1, x2, #32, #32
ubfm x3, x4, #32, #32
bfm x5, x6, #32, #32
bfm x7, xzr, #32, #32
sbfm x1, x2, #32, #62
ubfm x3, x4, #32, #62
bfm x5, x6, #32, #62
bfm x7, xzr, #32, #62
sbfm x1, x2, #32, #63
ubfm x3, x4, #32, #63
bfm x5, x6, #32, #63
bfm x7, xzr, #32, #63
sbfm x1, x2, #33, #0
ubfm x3, x4, #33, #0
bfm x5, x6, #33, #0
bfm x7, xzr, #33, #0
sbfm x1, x2, #33, #1
ubfm x3, x4, #33, #1
bfm x5, x6, #33, #1
bfm x7, xzr, #33, #1
sbfm x1, x2, #33, #6
ubfm x3, x4, #33, #6
bfm x5, x6, #33, #6
bfm x7, xzr, #33, #6
sbfm x1, x2, #33, #7
ubfm x3, x4, #33, #7
bfm x5, x6, #33, #7
bfm x7, xzr, #33, #7
sbfm x1, x2, #33, #8
ubfm x3, x4, #33, #8
bfm x5, x6, #33, #8
bfm x7, xzr, #33, #8
sbfm x1, x2, #33, #14
ubfm x3, x4, #33, #14
bfm x5, x6, #33, #14
bfm x7, xzr, #33, #14
sbfm x1, x2, #33, #15
ubfm x3, x4, #33, #15
bfm x5, x6, #33, #15
bfm x7, xzr, #33, #15
sbfm x1, x2, #33, #16
ubfm x3, x4, #33, #16
bfm x5, x6, #33, #16
bfm x7, xzr, #33, #16
sbfm x1, x2, #33, #30
ubfm x3, x4, #33, #30
bfm x5, x6, #33, #30
bfm x7, xzr, #33, #30
sbfm x1, x2, #33, #31
ubfm x3, x4, #33, #31
bfm x5, x6, #33, #31
bfm x7, xzr, #33, #31
sbfm x1, x2, #33, #32
ubfm x3, x4, #33, #32
bfm x5, x6, #33, #32
bfm x7, xzr, #33, #32
sbfm x1, x2, #33, #62
ubfm x3, x4, #33, #62
bfm x5, x6, #33, #62
bfm x7, xzr, #33, #62
sbfm x1, x2, #33, #63
ubfm x3, x4, #33, #63
bfm x5, x6, #33, #63
bfm x7, xzr, #33, #63
sbfm x1, x2, #62, #0
ubfm x3, x4, #62, #0
bfm x5, x6, #62, #0
bfm x7, xzr, #62, #0
sbfm x1, x2, #62, #1
ubfm x3, x4, #62, #1
bfm x5, x6, #62, #1
bfm x7, xzr, #62, #1
sbfm x1, x2, #62, #6
ubfm x3, x4, #62, #6
bfm x5, x6, #62, #6
bfm x7, xzr, #62, #6
sbfm x1, x2, #62, #7
ubfm x3, x4, #62, #7
bfm x5, x6, #62, #7
bfm x7, xzr, #62, #7
sbfm x1, x2, #62, #8
ubfm x3, x4, #62, #8
bfm x5, x6, #62, #8
bfm x7, xzr, #62, #8
sbfm x1, x2, #62, #14
ubfm x3, x4, #62, #14
bfm x5, x6, #62, #14
bfm x7, xzr, #62, #14
sbfm x1, x2, #62, #15
ubfm x3, x4, #62, #15
bfm x5, x6, #62, #15
bfm x7, xzr, #62, #15
sbfm x1, x2, #62, #16
ubfm x3, x4, #62, #16
bfm x5, x6, #62, #16
bfm x7, xzr, #62, #16
sbfm x1, x2, #62, #30
ubfm x3, x4, #62, #30
bfm x5, x6, #62, #30
bfm x7, xzr, #62, #30
sbfm x1, x2, #62, #31
ubfm x3, x4, #62, #31
bfm x5, x6, #62, #31
bfm x7, xzr, #62, #31
sbfm x1, x2, #62, #32
ubfm x3, x4, #62, #32
bfm x5, x6, #62, #32
bfm x7, xzr, #62, #32
sbfm x1, x2, #62, #62
ubfm x3, x4, #62, #62
bfm x5, x6, #62, #62
bfm x7, xzr, #62, #62
sbfm x1, x2, #62, #63
ubfm x3, x4, #62, #63
bfm x5, x6, #62, #63
bfm x7, xzr, #62, #63
sbfm x1, x2, #63, #0
ubfm x3, x4, #63, #0
bfm x5, x6, #63, #0
bfm x7, xzr, #63, #0
sbfm x1, x2, #63, #1
ubfm x3, x4, #63, #1
bfm x5, x6, #63, #1
bfm x7, xzr, #63, #1
sbfm x1, x2, #63, #6
ubfm x3, x4, #63, #6
bfm x5, x6, #63, #6
bfm x7, xzr, #63, #6
sbfm x1, x2, #63, #7
ubfm x3, x4, #63, #7
bfm x5, x6, #63, #7
bfm x7, xzr, #63, #7
sbfm x1, x2, #63, #8
ubfm x3, x4, #63, #8
bfm x5, x6, #63, #8
bfm x7, xzr, #63, #8
sbfm x1, x2, #63, #14
ubfm x3, x4, #63, #14
bfm x5, x6, #63, #14
bfm x7, xzr, #63, #14
sbfm x1, x2, #63, #15
ubfm x3, x4, #63, #15
bfm x5, x6, #63, #15
bfm x7, xzr, #63, #15
sbfm x1, x2, #63, #16
ubfm x3, x4, #63, #16
bfm x5, x6, #63, #16
bfm x7, xzr, #63, #16
sbfm x1, x2, #63, #30
ubfm x3, x4, #63, #30
bfm x5, x6, #63, #30
bfm x7, xzr, #63, #30
sbfm x1, x2, #63, #31
ubfm x3, x4, #63, #31
bfm x5, x6, #63, #31
bfm x7, xzr, #63, #31
sbfm x1, x2, #63, #32
ubfm x3, x4, #63, #32
bfm x5, x6, #63, #32
bfm x7, xzr, #63, #32
sbfm x1, x2, #63, #62
ubfm x3, x4, #63, #62
bfm x5, x6, #63, #62
bfm x7, xzr, #63, #62
sbfm x1, x2, #63, #63
ubfm x3, x4, #63, #63
bfm x5, x6, #63, #63
bfm x7, xzr, #63, #63
rbit x0, x5
rbit w5, w0
rev16 x0, x5
rev16 w5, w0
rev x0, x5
rev w5, w0
clz x0, x5
clz w5, w0
cls x0, x5
cls w5, w0
rev32 x0, x5
rbit x1, x16
rbit w16, w1
rev16 x1, x16
rev16 w16, w1
rev x1, x16
rev w16, w1
clz x1, x16
clz w16, w1
cls x1, x16
cls w16, w1
rev32 x1, x16
rbit x2, x27
rbit w27, w2
rev16 x2, x27
rev16 w27, w2
rev x2, x27
rev w27, w2
clz x2, x27
clz w27, w2
cls x2, x27
cls w27, w2
rev32 x2, x27
rbit x3, x6
rbit w6, w3
rev16 x3, x6
rev16 w6, w3
rev x3, x6
rev w6, w3
clz x3, x6
clz w6, w3
cls x3, x6
cls w6, w3
rev32 x3, x6
rbit x4, x17
rbit w17, w4
rev16 x4, x17
rev16 w17, w4
rev x4, x17
rev w17, w4
clz x4, x17
clz w17, w4
cls x4, x17
cls w17, w4
rev32 x4, x17
rbit x5, x28
rbit w28, w5
rev16 x5, x28
rev16 w28, w5
rev x5, x28
rev w28, w5
clz x5, x28
clz w28, w5
cls x5, x28
cls w28, w5
rev32 x5, x28
rbit x6, x7
rbit w7, w6
rev16 x6, x7
rev16 w7, w6
rev x6, x7
rev w7, w6
clz x6, x7
clz w7, w6
cls x6, x7
cls w7, w6
rev32 x6, x7
rbit x7, x18
rbit w18, w7
rev16 x7, x18
rev16 w18, w7
rev x7, x18
rev w18, w7
clz x7, x18
clz w18, w7
cls x7, x18
cls w18, w7
rev32 x7, x18
rbit x8, x29
rbit w29, w8
rev16 x8, x29
rev16 w29, w8
rev x8, x29
rev w29, w8
clz x8, x29
clz w29, w8
cls x8, x29
cls w29, w8
rev32 x8, x29
rbit x9, x8
rbit w8, w9
rev16 x9, x8
rev16 w8, w9
rev x9, x8
rev w8, w9
clz x9, x8
clz w8, w9
cls x9, x8
cls w8, w9
rev32 x9, x8
rbit x10, x19
rbit w19, w10
rev16 x10, x19
rev16 w19, w10
rev x10, x19
rev w19, w10
clz x10, x19
clz w19, w10
cls x10, x19
cls w19, w10
rev32 x10, x19
rbit x11, x30
rbit w30, w11
rev16 x11, x30
rev16 w30, w11
rev x11, x30
