package org.polyvisor.isa.ia64.trap;

/**
 * The interruption vector table (SDM rev 2.3 vol 2 part I, 5.7, table 5-6 "Interruption Vector Table"): every
 * vector at its architected offset from cr.iva. The first 20 entries are 64 bundles (0x400 bytes) apart, the
 * rest 16 bundles (0x100 bytes).
 */
public final class Vector {
    private Vector() { }

    public static final int VHPT_TRANSLATION = 0x0000, INSTRUCTION_TLB = 0x0400, DATA_TLB = 0x0800,
            ALTERNATE_INSTRUCTION_TLB = 0x0c00, ALTERNATE_DATA_TLB = 0x1000, DATA_NESTED_TLB = 0x1400,
            INSTRUCTION_KEY_MISS = 0x1800, DATA_KEY_MISS = 0x1c00, DIRTY_BIT = 0x2000, INSTRUCTION_ACCESS_BIT = 0x2400,
            DATA_ACCESS_BIT = 0x2800, BREAK_INSTRUCTION = 0x2c00, EXTERNAL_INTERRUPT = 0x3000,
            PAGE_NOT_PRESENT = 0x5000, KEY_PERMISSION = 0x5100, INSTRUCTION_ACCESS_RIGHTS = 0x5200,
            DATA_ACCESS_RIGHTS = 0x5300, GENERAL_EXCEPTION = 0x5400, DISABLED_FP_REGISTER = 0x5500,
            NAT_CONSUMPTION = 0x5600, SPECULATION = 0x5700, DEBUG = 0x5900, UNALIGNED_REFERENCE = 0x5a00,
            UNSUPPORTED_DATA_REFERENCE = 0x5b00, FLOATING_POINT_FAULT = 0x5c00, FLOATING_POINT_TRAP = 0x5d00,
            LOWER_PRIVILEGE_TRANSFER_TRAP = 0x5e00, TAKEN_BRANCH_TRAP = 0x5f00, SINGLE_STEP_TRAP = 0x6000,
            IA32_EXCEPTION = 0x6900, IA32_INTERCEPT = 0x6a00, IA32_INTERRUPT = 0x6b00;

    /** General Exception ISR.code{7:4} values (vol 2 part I, 5.8 "General Exception vector"). */
    public static final long GE_ILLEGAL_OPERATION = 0x00, GE_PRIVILEGED_OPERATION = 0x10, GE_PRIVILEGED_REGISTER = 0x20,
            GE_RESERVED_REGISTER_FIELD = 0x30;

    /** The architected name of the vector at {@code offset}, as the manual titles it. */
    public static String name(int offset) {
        return switch (offset) {
            case VHPT_TRANSLATION -> "VHPT Translation";
            case INSTRUCTION_TLB -> "Instruction TLB";
            case DATA_TLB -> "Data TLB";
            case ALTERNATE_INSTRUCTION_TLB -> "Alternate Instruction TLB";
            case ALTERNATE_DATA_TLB -> "Alternate Data TLB";
            case DATA_NESTED_TLB -> "Data Nested TLB";
            case INSTRUCTION_KEY_MISS -> "Instruction Key Miss";
            case DATA_KEY_MISS -> "Data Key Miss";
            case DIRTY_BIT -> "Dirty-Bit";
            case INSTRUCTION_ACCESS_BIT -> "Instruction Access-Bit";
            case DATA_ACCESS_BIT -> "Data Access-Bit";
            case BREAK_INSTRUCTION -> "Break Instruction";
            case EXTERNAL_INTERRUPT -> "External Interrupt";
            case PAGE_NOT_PRESENT -> "Page Not Present";
            case KEY_PERMISSION -> "Key Permission";
            case INSTRUCTION_ACCESS_RIGHTS -> "Instruction Access Rights";
            case DATA_ACCESS_RIGHTS -> "Data Access Rights";
            case GENERAL_EXCEPTION -> "General Exception";
            case DISABLED_FP_REGISTER -> "Disabled FP-Register";
            case NAT_CONSUMPTION -> "NaT Consumption";
            case SPECULATION -> "Speculation";
            case DEBUG -> "Debug";
            case UNALIGNED_REFERENCE -> "Unaligned Reference";
            case UNSUPPORTED_DATA_REFERENCE -> "Unsupported Data Reference";
            case FLOATING_POINT_FAULT -> "Floating-point Fault";
            case FLOATING_POINT_TRAP -> "Floating-point Trap";
            case LOWER_PRIVILEGE_TRANSFER_TRAP -> "Lower-Privilege Transfer Trap";
            case TAKEN_BRANCH_TRAP -> "Taken Branch Trap";
            case SINGLE_STEP_TRAP -> "Single Step Trap";
            case IA32_EXCEPTION -> "IA-32 Exception";
            case IA32_INTERCEPT -> "IA-32 Intercept";
            case IA32_INTERRUPT -> "IA-32 Interrupt";
            default -> "reserved";
        };
    }
}
