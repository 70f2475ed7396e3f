.arch armv8.1-a+crc
.inst 0xffffffff
nop
.inst 0x00010000
nop
.inst 0x0000ffff
nop
.inst 0x12c00000
nop
.inst 0x13400000
nop
.inst 0x93000000
nop
.inst 0x53800000
nop
.inst 0xd3000000
nop
.inst 0x1b000000
nop
.inst 0x1ba00000
nop
.inst 0x92e00000
nop
.inst 0x12c00000
nop
.inst 0x9a800800
nop
.inst 0x3a400c00
nop
.inst 0x7a400410
nop
.inst 0xab600000
nop
.inst 0x8b201c00
nop
.inst 0x0bc00000
nop
.inst 0x1ac00000
nop
.inst 0x1ac01000
nop
.inst 0x1ac03000
nop
.inst 0xf8800c00
nop
.inst 0x78c00c00
nop
.inst 0x39c00000
nop
.inst 0xb9800000
nop
.inst 0xf8604800
nop
.inst 0xe9400000
nop
.inst 0x68000000
nop
.inst 0xd4000004
nop
.inst 0xd4200001
nop
.inst 0xd61f0001
nop
.inst 0xd63f0400
nop
.inst 0xd65f0401
nop
.inst 0x7ac00000
nop
.inst 0x3ac00000
nop
