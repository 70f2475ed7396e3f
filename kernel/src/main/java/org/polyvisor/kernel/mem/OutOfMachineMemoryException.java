package org.polyvisor.kernel.mem;

/** A domain asked for more memory than the host has unpromised. */
public final class OutOfMachineMemoryException extends RuntimeException {
    public OutOfMachineMemoryException(long askedBytes, MachineMemory machine) {
        super("needs " + mib(askedBytes) + " MiB of memory, but the host has only "
                + mib((machine.totalFrames() - machine.reservedFrames()) * MachineMemory.FRAME_SIZE) + " MiB free of "
                + mib(machine.totalFrames() * MachineMemory.FRAME_SIZE) + " MiB");
    }

    private static long mib(long bytes) { return bytes >> 20; }
}
