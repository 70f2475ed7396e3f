package org.polyvisor.isa.arm64.decode;

/**
 * Field extraction per encoding class, with the Arm ARM's field names. Each returns false for the field
 * combinations the manual marks unallocated, so they decode as undefined instructions.
 */
final class FieldExtractors {
    private FieldExtractors() { }

    static int bits(int raw, int hi, int lo) { return (raw >>> lo) & ((1 << (hi - lo + 1)) - 1); }

    static long sext(long value, int width) { return (value << (64 - width)) >> (64 - width); }

    private static boolean sf(int raw) { return raw < 0; }

    private static int rd(int raw) { return raw & 31; }

    private static int rn(int raw) { return (raw >>> 5) & 31; }

    private static int rm(int raw) { return (raw >>> 16) & 31; }

    static boolean imm16(int raw, Insn i) {
        i.aux = raw & 0xFFFF;
        return true;
    }

    static boolean pcRel(int raw, Insn i) {
        long imm = sext(((long) bits(raw, 23, 5) << 2) | bits(raw, 30, 29), 21);
        i.imm = i.op == Op.ADRP ? imm << 12 : imm;
        i.rd = Reg.zrDest(rd(raw));
        i.sf = true;
        return true;
    }

    static boolean addSubImm(int raw, Insn i) {
        i.sf = sf(raw);
        i.imm = (long) bits(raw, 21, 10) << (bits(raw, 22, 22) * 12);
        i.amount = bits(raw, 22, 22) * 12;
        i.rd = i.op.setsFlags() ? Reg.zrDest(rd(raw)) : Reg.sp(rd(raw));
        i.rn = Reg.sp(rn(raw));
        return true;
    }

    static boolean logicalImm(int raw, Insn i) {
        i.sf = sf(raw);
        int n = bits(raw, 22, 22);
        if (!i.sf && n == 1) return false;
        i.imm = BitMasks.decode(n, bits(raw, 21, 16), bits(raw, 15, 10), i.sf);
        if (i.imm == BitMasks.INVALID) return false;
        i.rd = i.op.setsFlags() ? Reg.zrDest(rd(raw)) : Reg.sp(rd(raw));
        i.rn = Reg.zr(rn(raw));
        return true;
    }

    static boolean moveWide(int raw, Insn i) {
        i.sf = sf(raw);
        int hw = bits(raw, 22, 21);
        if (!i.sf && hw >= 2) return false;
        i.imm = bits(raw, 20, 5);
        i.amount = hw * 16;
        i.rd = Reg.zrDest(rd(raw));
        return true;
    }

    static boolean bitfield(int raw, Insn i) {
        i.sf = sf(raw);
        int n = bits(raw, 22, 22), immr = bits(raw, 21, 16), imms = bits(raw, 15, 10);
        if (n != (i.sf ? 1 : 0) || (!i.sf && (immr >= 32 || imms >= 32))) return false;
        i.amount = immr;
        i.aux = imms;
        i.rd = Reg.zrDest(rd(raw));
        i.rn = Reg.zr(rn(raw));
        return true;
    }

    static boolean extract(int raw, Insn i) {
        i.sf = sf(raw);
        int n = bits(raw, 22, 22), imms = bits(raw, 15, 10);
        if (n != (i.sf ? 1 : 0) || (!i.sf && imms >= 32)) return false;
        i.aux = imms;
        i.rd = Reg.zrDest(rd(raw));
        i.rn = Reg.zr(rn(raw));
        i.rm = Reg.zr(rm(raw));
        return true;
    }

    static boolean branchImm(int raw, Insn i) {
        i.imm = sext(bits(raw, 25, 0), 26) << 2;
        return true;
    }

    static boolean condBranch(int raw, Insn i) {
        i.imm = sext(bits(raw, 23, 5), 19) << 2;
        i.cond = raw & 15;
        return true;
    }

    static boolean compareBranch(int raw, Insn i) {
        i.sf = sf(raw);
        i.imm = sext(bits(raw, 23, 5), 19) << 2;
        i.rd = Reg.zr(rd(raw));
        return true;
    }

    static boolean testBranch(int raw, Insn i) {
        i.aux = (bits(raw, 31, 31) << 5) | bits(raw, 23, 19);
        i.sf = i.aux >= 32;
        i.imm = sext(bits(raw, 18, 5), 14) << 2;
        i.rd = Reg.zr(rd(raw));
        return true;
    }

    /** Instructions with no fields (ERET). */
    static boolean none(int raw, Insn i) { return true; }

    static boolean exception(int raw, Insn i) {
        i.aux = bits(raw, 20, 5);
        return true;
    }

    static boolean hint(int raw, Insn i) {
        i.aux = bits(raw, 11, 5);
        return true;
    }

    /** Barriers and CLREX: CRm is the option (or the immediate). */
    static boolean barrier(int raw, Insn i) {
        i.aux = bits(raw, 11, 8);
        return true;
    }

    /** MSR (immediate): DAIFSet and DAIFClr (op1 = 3, op2 = 6 or 7) and SPSel (op1 = 0, op2 = 5); CRm is the value. */
    static boolean pstateField(int raw, Insn i) {
        int op1 = bits(raw, 18, 16), op2 = bits(raw, 7, 5);
        if (op1 == 0 && op2 == 5) i.shift = SysReg.SPSEL_IMM;
        else if (op1 == 3 && op2 >= 6) i.shift = op2 == 6 ? SysReg.DAIF_SET : SysReg.DAIF_CLEAR;
        else return false;
        i.aux = bits(raw, 11, 8);
        return true;
    }

    /** MRS and MSR (register): the register is o0:op1:CRn:CRm:op2; unimplemented or read-only targets are undefined. */
    static boolean systemRegister(int raw, Insn i) {
        i.aux = bits(raw, 19, 5);
        boolean read = i.op == Op.MRS;
        if (SysReg.name(i.aux) == null || (!read && !SysReg.writable(i.aux))) return false;
        i.amount = SysReg.index(i.aux);
        i.rd = read ? Reg.zrDest(rd(raw)) : Reg.zr(rd(raw));
        i.sf = true;
        return true;
    }

    /** SYS: the TLBI/AT/DC/IC operations of {@link SysOp}; the dense index goes to aux, Rt to rd. */
    static boolean systemOperation(int raw, Insn i) {
        i.aux = SysOp.index(SysOp.key(bits(raw, 18, 16), bits(raw, 15, 12), bits(raw, 11, 8), bits(raw, 7, 5)));
        if (i.aux < 0) return false;
        i.rd = Reg.zr(rd(raw));
        i.sf = true;
        return true;
    }

    static boolean branchReg(int raw, Insn i) {
        i.rn = Reg.zr(rn(raw));
        i.sf = true;
        return true;
    }

    /**
     * Exclusives and ordered accesses: size in 31:30 (for pairs, bit 30 chooses 32- or 64-bit registers), Rs in
     * 20:16 (STXR's status, a destination), Rt2 in 14:10, o0 (bit 15) the acquire (loads) or release (stores) flag.
     * Raw register numbers stay in {@link Insn#amount} (Rs) for the status write.
     */
    static boolean exclusive(int raw, Insn i) {
        boolean pair = i.op == Op.LDXP || i.op == Op.STXP;
        boolean load = i.op == Op.LDXR || i.op == Op.LDXP || i.op == Op.LDAR;
        // LDAR with Rs or Rt2 other than 0b11111 is unallocated (binutils 2.40 agrees); LDLAR, STLR and the rest
        // ignore both fields.
        if (i.op == Op.LDAR && bits(raw, 15, 15) == 1 && (bits(raw, 20, 16) != 31 || bits(raw, 14, 10) != 31)) return false;
        int size = bits(raw, 31, 30);
        i.size = pair ? 2 + (size & 1) : size;
        i.sf = pair ? (size & 1) != 0 : size == 3;
        i.rn = Reg.sp(rn(raw));
        int rt = rd(raw), rt2 = bits(raw, 14, 10);
        i.rd = load ? Reg.zrDest(rt) : Reg.zr(rt);
        i.ra = load ? Reg.zrDest(rt2) : Reg.zr(rt2);
        i.rm = Reg.zrDest(bits(raw, 20, 16));
        i.amount = bits(raw, 20, 16);
        i.shift = bits(raw, 15, 15) << (load ? 0 : 1);
        return true;
    }

    /** CAS and CASP: L (bit 22) acquires, o0 (bit 15) releases; CASP needs even Rs and Rt. Raw Rs/Rt in amount/aux. */
    static boolean compareAndSwap(int raw, Insn i) {
        int rs = bits(raw, 20, 16), rt = rd(raw);
        if (i.op == Op.CASP) {
            if ((rs & 1) != 0 || (rt & 1) != 0) return false;
            i.size = 2 + bits(raw, 30, 30);
            i.sf = i.size == 3;
        } else {
            i.size = bits(raw, 31, 30);
            i.sf = i.size == 3;
        }
        i.rn = Reg.sp(rn(raw));
        i.amount = rs;
        i.aux = rt;
        i.rm = Reg.zr(rs);
        i.rd = Reg.zr(rt);
        i.shift = bits(raw, 22, 22) | (bits(raw, 15, 15) << 1);
        return true;
    }

    /** LD<op> and SWP: A (bit 23) acquires, R (bit 22) releases; Rs is the operand, Rt receives the old value. */
    static boolean atomic(int raw, Insn i) {
        i.size = bits(raw, 31, 30);
        i.sf = i.size == 3;
        i.rn = Reg.sp(rn(raw));
        i.rm = Reg.zr(bits(raw, 20, 16));
        i.rd = Reg.zrDest(rd(raw));
        i.aux = rd(raw);
        i.shift = bits(raw, 23, 23) | (bits(raw, 22, 22) << 1);
        return true;
    }

    /** LDR (literal) and LDRSW (literal); opc = 11 is PRFM (literal), not decoded yet. */
    static boolean literal(int raw, Insn i) {
        int opc = bits(raw, 31, 30);
        if (opc == 3) return false;
        i.size = opc == 0 ? 2 : opc == 1 ? 3 : 2;
        i.memKind = opc == 2 ? MemKind.LOAD_SX64 : MemKind.LOAD;
        i.sf = opc != 0;
        i.imm = sext(bits(raw, 23, 5), 19) << 2;
        i.rd = Reg.zrDest(rd(raw));
        return true;
    }

    /** LDP/STP/LDPSW (offset, pre- and post-index): opc selects the size, L the direction. */
    static boolean pair(int raw, Insn i) {
        int opc = bits(raw, 31, 30);
        boolean load = bits(raw, 22, 22) == 1;
        if (opc == 3 || (opc == 1 && !load)) return false;
        // LDPSW's CONSTRAINED UNPREDICTABLE register overlaps (Rt == Rt2; writeback with Rn, not SP, equal to Rt or
        // Rt2) take the UNDEFINED choice, as binutils 2.40 decodes them; LDP and STP keep executing them.
        if (opc == 1) {
            int rt = rd(raw), rt2 = bits(raw, 14, 10), rn = rn(raw);
            boolean writeback = bits(raw, 24, 23) != 2;
            if (rt == rt2 || (writeback && rn != 31 && (rn == rt || rn == rt2))) return false;
        }
        i.size = opc == 2 ? 3 : 2;
        i.memKind = !load ? MemKind.STORE : opc == 1 ? MemKind.LOAD_SX64 : MemKind.LOAD;
        i.sf = opc != 0;
        i.imm = sext(bits(raw, 21, 15), 7) << i.size;
        i.rd = load ? Reg.zrDest(rd(raw)) : Reg.zr(rd(raw));
        i.ra = load ? Reg.zrDest(bits(raw, 14, 10)) : Reg.zr(bits(raw, 14, 10));
        i.rn = Reg.sp(rn(raw));
        return true;
    }

    private static boolean transfer(int raw, Insn i) {
        i.size = bits(raw, 31, 30);
        i.memKind = MemKind.of(i.size, bits(raw, 23, 22));
        if (i.memKind < 0) return false;
        i.sf = i.memKind == MemKind.LOAD_SX64 || (i.memKind != MemKind.LOAD_SX32 && i.size == 3);
        i.rd = i.memKind == MemKind.STORE ? Reg.zr(rd(raw)) : Reg.zrDest(rd(raw));
        i.rn = Reg.sp(rn(raw));
        return true;
    }

    static boolean loadStoreImm12(int raw, Insn i) {
        if (!transfer(raw, i)) return false;
        i.imm = (long) bits(raw, 21, 10) << i.size;
        return true;
    }

    static boolean loadStoreImm9(int raw, Insn i) {
        if (!transfer(raw, i)) return false;
        i.imm = sext(bits(raw, 20, 12), 9);
        return true;
    }

    /** Register offset: option must be UXTW, LSL (UXTX), SXTW or SXTX; S scales the index by the access size. */
    static boolean loadStoreReg(int raw, Insn i) {
        if (!transfer(raw, i)) return false;
        int option = bits(raw, 15, 13);
        if ((option & 2) == 0) return false;
        i.shift = option;
        i.aux = bits(raw, 12, 12);
        i.amount = i.aux == 1 ? i.size : 0;
        i.rm = Reg.zr(rm(raw));
        return true;
    }

    static boolean logicalShift(int raw, Insn i) {
        i.sf = sf(raw);
        i.amount = bits(raw, 15, 10);
        if (!i.sf && i.amount >= 32) return false;
        i.shift = bits(raw, 23, 22);
        i.rd = Reg.zrDest(rd(raw));
        i.rn = Reg.zr(rn(raw));
        i.rm = Reg.zr(rm(raw));
        return true;
    }

    static boolean addSubShift(int raw, Insn i) {
        i.shift = bits(raw, 23, 22);
        return i.shift != Shift.ROR && logicalShift(raw, i);
    }

    static boolean addSubExt(int raw, Insn i) {
        i.sf = sf(raw);
        i.amount = bits(raw, 12, 10);
        if (i.amount > 4) return false;
        i.shift = bits(raw, 15, 13);
        i.rd = i.op.setsFlags() ? Reg.zrDest(rd(raw)) : Reg.sp(rd(raw));
        i.rn = Reg.sp(rn(raw));
        i.rm = Reg.zr(rm(raw));
        return true;
    }

    static boolean condCompare(int raw, Insn i) {
        i.sf = sf(raw);
        i.cond = bits(raw, 15, 12);
        i.aux = raw & 15;
        i.rn = Reg.zr(rn(raw));
        i.rm = Reg.zr(rm(raw));
        i.imm = bits(raw, 20, 16);
        return true;
    }

    static boolean condSelect(int raw, Insn i) {
        i.sf = sf(raw);
        i.cond = bits(raw, 15, 12);
        i.rd = Reg.zrDest(rd(raw));
        i.rn = Reg.zr(rn(raw));
        i.rm = Reg.zr(rm(raw));
        return true;
    }

    /** Data processing (1 source): RBIT, REV16, REV32, REV, CLZ, CLS. */
    static boolean twoReg(int raw, Insn i) {
        i.sf = sf(raw);
        i.rd = Reg.zrDest(rd(raw));
        i.rn = Reg.zr(rn(raw));
        return true;
    }

    /** Data processing (2 source); for LSLV/LSRV/ASRV/RORV, op2 (bits 11:10) is the shift type. */
    static boolean threeReg(int raw, Insn i) {
        i.sf = sf(raw);
        i.shift = bits(raw, 11, 10);
        i.rd = Reg.zrDest(rd(raw));
        i.rn = Reg.zr(rn(raw));
        i.rm = Reg.zr(rm(raw));
        return true;
    }

    /**
     * CRC32{B,H,W,X} and CRC32C{B,H,W,X}: C (bit 12) picks the Castagnoli polynomial, sz (bits 11:10) the width of
     * Rm; sf = 1 is allocated only with sz = 11 (the X forms) and sz = 11 only with sf = 1.
     */
    static boolean crc32(int raw, Insn i) {
        i.sf = sf(raw);
        i.size = bits(raw, 11, 10);
        i.aux = bits(raw, 12, 12);
        i.rd = Reg.zrDest(rd(raw));
        i.rn = Reg.zr(rn(raw));
        i.rm = Reg.zr(rm(raw));
        return i.sf == (i.size == 3);
    }

    /** Data processing (3 source): MADD, MSUB and the long and high multiplies. */
    static boolean fourReg(int raw, Insn i) {
        i.sf = sf(raw);
        i.rd = Reg.zrDest(rd(raw));
        i.rn = Reg.zr(rn(raw));
        i.rm = Reg.zr(rm(raw));
        i.ra = Reg.zr(bits(raw, 14, 10));
        return true;
    }
}
