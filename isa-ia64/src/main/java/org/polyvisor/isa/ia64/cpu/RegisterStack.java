package org.polyvisor.isa.ia64.cpu;

/**
 * The register stack (SDM vol 2, 6): the current frame marker (sof, sol, sor) and the renaming of r32+ onto a
 * physical stacked register file. This skeleton has a large physical file and no backing store: a call chain
 * that outgrows it is a fault instead of a spill by the RSE. Spilling to ar.bspstore belongs here, later.
 * Rotating registers (sor, rrb) are recorded but not renamed.
 */
public final class RegisterStack {
    /** Physical stacked registers: 96 per frame at most, so this allows calls about 20 frames of 96 deep. */
    public static final int PHYSICAL = 2048;
    public static final int MAX_FRAME = 96;

    private final CpuState cpu;
    private int sof, sol, sor;

    RegisterStack(CpuState cpu) {
        this.cpu = cpu;
    }

    public int sof() { return sof; }

    public int sol() { return sol; }

    public int sor() { return sor; }

    /** CFM as the architecture lays it out: sof 0-6, sol 7-13, sor 14-17 (rrb fields stay zero here). */
    public long cfm() {
        return sof | (long) sol << 7 | (long) sor << 14;
    }

    public void setCfm(long cfm) {
        sof = (int) (cfm & 0x7f);
        sol = (int) (cfm >>> 7 & 0x7f);
        sor = (int) (cfm >>> 14 & 0xf);
    }

    /** alloc: resizes the current frame. False when the sizes are illegal (illegal-operation fault). */
    public boolean alloc(int newSof, int newSol, int newSor) {
        if (newSof > MAX_FRAME || newSol > newSof || newSor * 8 > newSof) return false;
        if (cpu.bof + newSof > PHYSICAL) return false;
        sof = newSof;
        sol = newSol;
        sor = newSor;
        return true;
    }

    /**
     * br.call: saves CFM, EC and the privilege level in ar.pfs and opens a frame made of the caller's outputs.
     * False when the physical file is exhausted (no backing store spill yet).
     */
    public boolean call() {
        cpu.ar[CpuState.AR_PFS] = cfm() | (cpu.ar[CpuState.AR_EC] & 0x3f) << 52 | (long) cpu.cpl << 62;
        int newBof = cpu.bof + sol;
        if (newBof + MAX_FRAME > PHYSICAL) return false;
        cpu.bof = newBof;
        sof = Math.max(0, sof - sol); // a guest-written ar.pfs may hold sol > sof
        sol = 0;
        sor = 0;
        return true;
    }

    /** br.ret: restores CFM and EC from ar.pfs and goes back to the caller's frame. False on underflow. */
    public boolean ret() {
        long pfs = cpu.ar[CpuState.AR_PFS];
        setCfm(pfs & ((1L << 38) - 1));
        cpu.ar[CpuState.AR_EC] = pfs >>> 52 & 0x3f;
        int newBof = cpu.bof - sol;
        if (newBof < 0) return false;
        cpu.bof = newBof;
        return true;
    }

    public void reset() {
        sof = sol = sor = 0;
        cpu.bof = 0;
    }
}
