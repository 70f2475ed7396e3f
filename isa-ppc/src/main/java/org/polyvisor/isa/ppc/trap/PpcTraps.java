package org.polyvisor.isa.ppc.trap;

import org.polyvisor.isa.ppc.mmu.Faults;
import org.polyvisor.spi.VcpuExit;

/**
 * What an exception becomes when the guest has not installed its vector ({@link InstalledVectors}): the domain's
 * crash reason, one message per cause, with the instruction word or the faulting address. A unit that raises an
 * exception records it in the CPU ({@code PpcCpu.raise}) and returns {@link #RAISED}; the vCPU then delivers it
 * ({@link ExceptionEntry}) or turns it into one of these faults. The one exception the hypervisor takes itself
 * is {@code sc 1} from supervisor state: the PV hypercall.
 */
public final class PpcTraps {
    private PpcTraps() { }

    /** Marker exit (compared by identity) meaning "an exception is recorded in the CPU": never leaves the vCPU. */
    public static final VcpuExit.Fault RAISED = new VcpuExit.Fault("ppc exception raised", 0);

    /** The crash reason for exception {@code vector} with SRR1/DSISR causes {@code causes}, not installed. */
    public static VcpuExit unhandled(int vector, long causes, int word, long dar, long pc) {
        String reason = switch (vector) {
            case Vectors.PROGRAM -> (causes & Srr1.PROGRAM_FP) != 0
                    ? String.format("floating-point enabled exception at instruction 0x%08x", word)
                    : (causes & Srr1.PROGRAM_TRAP) != 0 ? String.format("trap instruction 0x%08x", word)
                    : (causes & Srr1.PROGRAM_PRIVILEGED) != 0
                    ? String.format("privileged instruction 0x%08x in problem state", word)
                    : String.format("undefined instruction 0x%08x", word);
            case Vectors.SYSTEM_CALL -> "system call (sc " + ((word >>> 5) & 0x7f) + ") with no handler installed";
            case Vectors.DSI -> String.format("data storage interrupt at 0x%x (%s%s) with no handler installed", dar,
                    cause((int) causes), (causes & Faults.STORE) != 0 ? ", store" : ", load");
            case Vectors.ISI -> String.format("instruction storage interrupt at 0x%x (%s) with no handler installed",
                    pc, cause((int) causes));
            case Vectors.ALIGNMENT -> String.format("alignment interrupt at 0x%x (%s) with no handler installed", dar,
                    (word & 0x7fe) == 300 ? "stwcx." : "lwarx");
            case Vectors.FP_UNAVAILABLE -> String.format(
                    "floating-point instruction 0x%08x with MSR[FP] = 0 and no handler installed", word);
            case Vectors.VECTOR_UNAVAILABLE -> String.format(
                    "AltiVec instruction 0x%08x with MSR[VEC] = 0 and no handler installed", word);
            default -> String.format("exception 0x%x with no handler installed", vector);
        };
        return new VcpuExit.Fault(reason, pc);
    }

    private static String cause(int bits) {
        if ((bits & Faults.NOT_FOUND) != 0) return "no translation";
        if ((bits & Faults.PROTECTION) != 0) return "protection";
        if ((bits & Faults.DIRECT_STORE) != 0) return "direct-store segment";
        if ((bits & Faults.NO_EXECUTE) != 0) return "no-execute";
        return "unknown cause";
    }

    /** {@code sc LEV}: LEV = 1 from supervisor state is the hypercall (DESIGN.md); anything else is the 0xC00 exception. */
    public static boolean isHypercall(int lev, boolean supervisor) { return lev == 1 && supervisor; }
}
