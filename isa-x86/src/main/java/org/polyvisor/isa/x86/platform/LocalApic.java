package org.polyvisor.isa.x86.platform;

import java.util.function.LongSupplier;

/**
 * One vCPU's local APIC in xAPIC mode at 0xFEE00000 (SDM Vol. 3, chapter 11): ID, version (0x14, six LVT entries),
 * TPR and the PPR derived from it, EOI, LDR/DFR, SVR (software enable), ISR/TMR/IRR (256 bits each, read as eight
 * 32-bit registers), ESR, the ICR for IPIs (fixed, INIT and start-up, with the self/all/all-but-self shorthands,
 * physical and flat logical destinations), the LVT entries and the timer (one-shot and periodic, divide
 * configuration, initial and current count). The APIC bus runs at 1 GHz, one clock a nanosecond of virtual time, as
 * Xen's vlapic does. The timer is polled like the PIT ({@link #poll}); {@link #deadline} wakes a halted vCPU for it.
 * x2APIC mode (IA32_APIC_BASE.EXTD) moves the registers to MSRs 0x800-0x8FF ({@link #readMsr}, {@link #writeMsr}):
 * a 32-bit ID, the LDR derived from it (cluster in bits 31:16), a 64-bit ICR with a 32-bit destination, SELF IPI.
 * The TSC-deadline mode, NMI/SMI delivery and the thermal and performance-counter sources are not modelled.
 * Thread-safe: other vCPUs' IPIs and the IOAPIC arrive from their threads.
 */
final class LocalApic {
    static final long BASE = 0xFEE0_0000L;
    static final int ID = 0x20, VERSION = 0x30, TPR = 0x80, APR = 0x90, PPR = 0xA0, EOI = 0xB0, LDR = 0xD0, DFR = 0xE0,
            SVR = 0xF0, ISR = 0x100, TMR = 0x180, IRR = 0x200, ESR = 0x280, ICR_LOW = 0x300, ICR_HIGH = 0x310,
            LVT_TIMER = 0x320, LVT_THERMAL = 0x330, LVT_PERF = 0x340, LVT_LINT0 = 0x350, LVT_LINT1 = 0x360,
            LVT_ERROR = 0x370, INITIAL_COUNT = 0x380, CURRENT_COUNT = 0x390, DIVIDE = 0x3E0;
    static final int APIC_VERSION = 0x0005_0014;
    static final int LVT_MASKED = 1 << 16, SVR_ENABLE = 1 << 8;
    private static final int TIMER_PERIODIC = 1 << 17;

    /** Where the ICR sends: implemented by the board, which knows every vCPU's APIC. */
    interface Bus {
        /** Fixed IPI {@code vector} to the APICs the destination selects; {@code self} is the sender. */
        void fixed(LocalApic self, int shorthand, boolean logical, int dest, int vector);

        /** INIT (start-up {@code vector} < 0) or SIPI to the selected APICs. */
        void startup(LocalApic self, int shorthand, boolean logical, int dest, int vector);

        /** A level-triggered interrupt ended (EOI with its TMR bit set): the IOAPIC clears its remote IRR. */
        void levelEoi(int vector);
    }

    final int id;
    private final InterruptPin cpu;
    private final LongSupplier clock;
    private final Bus bus;
    private final int[] irr = new int[8], isr = new int[8], tmr = new int[8];
    private final int[] lvt = new int[6];
    private int tpr, ldr, dfr = -1, svr = 0xFF, esr, icrLow, icrHigh;
    private int divide, initialCount;
    private long timerStart = -1, timerDeadline = -1;
    private int posted = -1, withdrawn = -1;
    /** Set by INIT: the vCPU waits for a start-up IPI. */
    private boolean waitingForSipi;
    /** IA32_APIC_BASE.EN (global enable, bit 11) and EXTD (x2APIC mode, bit 10). */
    private boolean globalEnable = true, x2apic;
    static final int IA32_APIC_BASE = 0x1B, X2APIC_FIRST = 0x800, X2APIC_LAST = 0x8FF;
    private static final long BASE_BSP = 1 << 8, BASE_EXTD = 1 << 10, BASE_EN = 1 << 11;

    LocalApic(int id, InterruptPin cpu, LongSupplier clock, Bus bus) {
        this.id = id;
        this.cpu = cpu;
        this.clock = clock;
        this.bus = bus;
        java.util.Arrays.fill(lvt, LVT_MASKED);
    }

    synchronized boolean enabled() { return (svr & SVR_ENABLE) != 0; }

    /** Accepts {@code vector} into IRR (a fixed interrupt from an IPI, the timer or the IOAPIC). */
    synchronized void accept(int vector, boolean level) {
        if (vector < 16) {  // vectors 0-15 are illegal: "received illegal vector"
            esr |= 0x40;
            return;
        }
        irr[vector >>> 5] |= 1 << (vector & 31);
        if (level) tmr[vector >>> 5] |= 1 << (vector & 31);
        else tmr[vector >>> 5] &= ~(1 << (vector & 31));
        update();
    }

    private static int highest(int[] bits) {
        for (int w = 7; w >= 0; w--) if (bits[w] != 0) return w * 32 + 31 - Integer.numberOfLeadingZeros(bits[w]);
        return -1;
    }

    private int ppr() {
        int isrv = Math.max(highest(isr), 0);
        return (tpr & 0xF0) >= (isrv & 0xF0) ? tpr & 0xFF : isrv & 0xF0;
    }

    /** The IRR vector deliverable now: above the processor priority class, APIC software-enabled. */
    private int deliverable() {
        if ((svr & SVR_ENABLE) == 0) return -1;
        int v = highest(irr);
        return v >= 0 && (v & 0xF0) > (ppr() & 0xF0) ? v : -1;
    }

    private void update() {
        int v = deliverable();
        if (v == posted) return;
        if (posted >= 0) {
            cpu.withdraw(posted);
            withdrawn = posted;
        }
        posted = v;
        if (v >= 0) cpu.post(v);
    }

    /** Whether the CPU's acknowledge of {@code vector} belongs here: posted by this APIC, or withdrawn as it was taken. */
    synchronized boolean owns(int vector) { return vector >= 0 && (posted == vector || withdrawn == vector); }

    /** INTA: the highest deliverable vector goes from IRR to ISR; with none (the TPR rose meanwhile), the spurious vector. */
    synchronized int acknowledge() {
        posted = -1;
        withdrawn = -1;
        int v = deliverable();
        if (v >= 0) {
            irr[v >>> 5] &= ~(1 << (v & 31));
            isr[v >>> 5] |= 1 << (v & 31);
        } else {
            v = svr & 0xFF;
        }
        update();
        return v;
    }

    /** The spurious-interrupt vector (SVR bits 7:0). */
    synchronized int spuriousVector() { return svr & 0xFF; }

    private int divisor() {
        int code = (divide & 3) | (divide >>> 1 & 4);
        return code == 7 ? 1 : 2 << code;
    }

    /** Fires the timer if its count ran out. */
    void poll() {
        int vector = -1;
        synchronized (this) {
            if (timerDeadline < 0) return;  // no clock read for a disarmed timer: this runs at every vCPU run
            long now = clock.getAsLong();
            if (now < timerDeadline) return;
            int l = lvt[0];
            if ((l & TIMER_PERIODIC) != 0) {
                long period = (long) initialCount * divisor();
                timerDeadline += ((now - timerDeadline) / period + 1) * period;  // missed periods coalesce
            } else {
                timerDeadline = -1;
            }
            if ((l & LVT_MASKED) == 0) vector = l & 0xFF;
        }
        if (vector >= 0) accept(vector, false);
    }

    synchronized long deadline() { return (lvt[0] & LVT_MASKED) == 0 ? timerDeadline : -1; }

    private int currentCount(long now) {
        if (timerStart < 0 || initialCount == 0) return 0;
        long d = divisor(), elapsed = (now - timerStart) / d;
        if ((lvt[0] & TIMER_PERIODIC) != 0) return (int) (initialCount - elapsed % initialCount);
        return elapsed >= initialCount ? 0 : (int) (initialCount - elapsed);
    }

    synchronized int read(int reg) {
        if (reg >= ISR && reg < ISR + 0x80) return isr[(reg - ISR) >>> 4];
        if (reg >= TMR && reg < TMR + 0x80) return tmr[(reg - TMR) >>> 4];
        if (reg >= IRR && reg < IRR + 0x80) return irr[(reg - IRR) >>> 4];
        if (reg >= LVT_TIMER && reg <= LVT_ERROR) return lvt[(reg - LVT_TIMER) >>> 4];
        return switch (reg) {
            case ID -> id << 24;
            case VERSION -> APIC_VERSION;
            case TPR -> tpr;
            case APR -> 0;
            case PPR -> ppr();
            case LDR -> ldr;
            case DFR -> dfr;
            case SVR -> svr;
            case ESR -> esr;
            case ICR_LOW -> icrLow & ~(1 << 12);  // delivery status: always idle, delivery is instant
            case ICR_HIGH -> icrHigh;
            case INITIAL_COUNT -> initialCount;
            case CURRENT_COUNT -> currentCount(clock.getAsLong());
            case DIVIDE -> divide;
            default -> 0;
        };
    }

    void write(int reg, int value) {
        int icr = -1, dest = 0;
        synchronized (this) {
            if (reg >= LVT_TIMER && reg <= LVT_ERROR) {
                int i = (reg - LVT_TIMER) >>> 4;
                int keep = i == 0 ? 0x300FF : i == 3 || i == 4 ? 0x1A7FF : 0x107FF;
                lvt[i] = value & keep | ((svr & SVR_ENABLE) == 0 ? LVT_MASKED : 0);
                return;
            }
            switch (reg) {
                case TPR -> { tpr = value & 0xFF; update(); }
                case EOI -> { eoi(); return; }
                case LDR -> ldr = value & 0xFF00_0000;
                case DFR -> dfr = value | 0x0FFF_FFFF;
                case SVR -> {
                    svr = value & 0x1FF;
                    if ((svr & SVR_ENABLE) == 0) for (int i = 0; i < lvt.length; i++) lvt[i] |= LVT_MASKED;
                    update();
                }
                case ESR -> esr = 0;
                case ICR_HIGH -> icrHigh = value & 0xFF00_0000;
                case ICR_LOW -> { icrLow = value & 0xCCFFF; icr = icrLow; dest = icrHigh >>> 24; }
                case INITIAL_COUNT -> {
                    initialCount = value;
                    long now = clock.getAsLong();
                    timerStart = now;
                    timerDeadline = value == 0 ? -1 : now + (value & 0xFFFF_FFFFL) * divisor();
                }
                case DIVIDE -> divide = value & 0xB;
                default -> { }  // ID, version, PPR, ISR/TMR/IRR and the current count are read-only here
            }
        }
        if (icr >= 0) sendIpi(icr, dest);
    }

    /** EOI: the highest in-service vector ends; a level-triggered one tells the IOAPIC. */
    private void eoi() {
        int v;
        boolean level;
        synchronized (this) {
            v = highest(isr);
            if (v < 0) return;
            isr[v >>> 5] &= ~(1 << (v & 31));
            level = (tmr[v >>> 5] & 1 << (v & 31)) != 0;
            update();
        }
        if (level) bus.levelEoi(v);
    }

    private void sendIpi(int icr, int dest) {
        int mode = icr >>> 8 & 7, shorthand = icr >>> 18 & 3, vector = icr & 0xFF;
        boolean logical = (icr & 1 << 11) != 0;
        switch (mode) {
            case 0, 1 -> bus.fixed(this, shorthand, logical, dest, vector);  // fixed; lowest priority goes as fixed
            case 5 -> { if ((icr & 1 << 14) != 0 || (icr & 1 << 15) == 0) bus.startup(this, shorthand, logical, dest, -1); }
            case 6 -> bus.startup(this, shorthand, logical, dest, vector);
            default -> { }  // SMI, NMI, ExtINT IPIs: not modelled
        }
    }

    /** Whether a destination selects this APIC: physical ID (0xFF broadcast), or flat logical mode's bit mask. */
    synchronized boolean selected(boolean logical, int dest) {
        if (x2apic) {
            if (!logical) return dest == -1 || dest == id;
            return dest >>> 16 == id >>> 4 && (dest & 1 << (id & 15)) != 0;
        }
        if (!logical) return (dest & 0xFF) == 0xFF || dest == id;
        return (ldr >>> 24 & dest) != 0;
    }

    /** IA32_APIC_BASE: the fixed base 0xFEE00000, BSP for vCPU 0, EN and EXTD. */
    synchronized long apicBase() {
        return BASE | (id == 0 ? BASE_BSP : 0) | (globalEnable ? BASE_EN : 0) | (x2apic ? BASE_EXTD : 0);
    }

    /** Writes IA32_APIC_BASE; false (#GP) for EXTD without EN, for leaving x2APIC mode other than by disabling, or a moved base. */
    synchronized boolean setApicBase(long v) {
        boolean en = (v & BASE_EN) != 0, extd = (v & BASE_EXTD) != 0;
        if ((v & ~0xFFFL) != BASE || (extd && !en) || (x2apic && en && !extd)) return false;
        globalEnable = en;
        x2apic = extd;
        return true;
    }

    synchronized boolean x2apicMode() { return x2apic; }

    /** The xAPIC register offset of x2APIC MSR {@code msr}, or -1 when there is none (including write-only EOI/SELF IPI for reads). */
    static int x2apicRegister(int msr) {
        int reg = (msr - X2APIC_FIRST) << 4;
        return switch (reg) {
            case ID, VERSION, TPR, PPR, LDR, SVR, ESR, ICR_LOW, LVT_TIMER, LVT_THERMAL, LVT_PERF, LVT_LINT0, LVT_LINT1, LVT_ERROR,
                 INITIAL_COUNT, CURRENT_COUNT, DIVIDE, EOI, SELF_IPI -> reg;
            default -> reg >= ISR && reg < IRR + 0x80 ? reg : -1;
        };
    }

    static final int SELF_IPI = 0x3F0;

    /** RDMSR of an x2APIC register: the 32-bit ID, the derived LDR, the 64-bit ICR. */
    synchronized long readMsr(int reg) {
        return switch (reg) {
            case ID -> id;
            case LDR -> (id >>> 4) << 16 | 1 << (id & 15);
            case ICR_LOW -> (long) icrHigh << 32 | (icrLow & 0xFFFF_FFFFL);
            default -> read(reg) & 0xFFFF_FFFFL;
        };
    }

    /** WRMSR of an x2APIC register; false (#GP) for read-only ones and reserved bits the SDM faults on. */
    boolean writeMsr(int reg, long value) {
        switch (reg) {
            case ID, VERSION, PPR, LDR, CURRENT_COUNT, ESR -> {
                if (reg == ESR && value == 0) { write(ESR, 0); return true; }
                return false;
            }
            case ICR_LOW -> {
                int dest;
                int low;
                synchronized (this) {
                    icrHigh = (int) (value >>> 32);
                    icrLow = (int) value & 0xCCFFF;
                    low = icrLow;
                    dest = icrHigh;
                }
                sendIpi(low, dest);
                return true;
            }
            case SELF_IPI -> {
                accept((int) value & 0xFF, false);
                return true;
            }
            default -> {
                if (reg >= ISR && reg < IRR + 0x80) return false;
                write(reg, (int) value);
                return true;
            }
        }
    }

    /** A start-up IPI arrives: true (once) when an INIT made this APIC wait for one. */
    synchronized boolean takeSipiWait() {
        boolean w = waitingForSipi;
        waitingForSipi = false;
        return w;
    }

    /** INIT: the APIC goes back to its power-up state and waits for a start-up IPI. */
    synchronized void init() {
        java.util.Arrays.fill(irr, 0);
        java.util.Arrays.fill(isr, 0);
        java.util.Arrays.fill(tmr, 0);
        java.util.Arrays.fill(lvt, LVT_MASKED);
        tpr = ldr = esr = icrLow = icrHigh = divide = initialCount = 0;
        dfr = -1;
        svr = 0xFF;
        timerStart = timerDeadline = -1;
        waitingForSipi = true;
        update();
    }
}
