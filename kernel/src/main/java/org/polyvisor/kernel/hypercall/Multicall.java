package org.polyvisor.kernel.hypercall;

/**
 * multicall (13): {@code HYPERVISOR_multicall(multicall_entry_t *call_list, unsigned int nr_calls)} with {@code struct
 * multicall_entry { xen_ulong_t op, result; xen_ulong_t args[6]; }}, eight guest words in the guest's byte order.
 * As Xen's do_multicall:
 * <ul>
 * <li>each entry is read when its turn comes and run through the dispatcher like a hypercall of its own (numbers the
 *     kernel has no handler for go to the vCPU's ISA, Vcpu.archHypercall), and its result is written back into the
 *     entry's {@code result} (cut to the guest's word) before the next is read;</li>
 * <li>a multicall entry inside a multicall is not run: its result is -EINVAL ("multicall reentry is disallowed")
 *     and the batch goes on;</li>
 * <li>after an entry that leaves the vCPU unable to go on (it blocked or polls, yielded, or its domain was paused or
 *     shut down: Xen's hypercall_preempt_check), and after every {@link #CHUNK} entries, the rest of the batch becomes
 *     a continuation (the same hypercall with call_list advanced and nr_calls reduced), run before the vCPU's next
 *     instruction once it runs again; the guest sees one hypercall either way;</li>
 * <li>an entry it cannot read, or a result it cannot write, ends the batch with -EFAULT (entries before it have run);
 *     otherwise the result is 0;</li>
 * <li>iret (23), where the ISA answers it (x86 PV's HYPERVISOR_iret; elsewhere it is -ENOSYS and the batch goes on,
 *     as on Arm), ends the batch as Xen's arch_do_multicall_call answers mc_exit for it: the vCPU has the iret
 *     frame's registers, the entry's result is written back on a best-effort basis, the entries after it are not
 *     run, and the multicall returns iret's result.</li>
 * </ul>
 * nr_calls is unsigned int; the batch is bounded by the continuation every {@link #CHUNK} entries, not by a limit.
 */
final class Multicall implements HypercallHandler {
    /** Entries run before the rest becomes a continuation (Xen checks for preemption before every entry). */
    static final int CHUNK = 64;
    private static final int ARGS = 6;

    private final HypercallHandler dispatcher;

    Multicall(HypercallHandler dispatcher) { this.dispatcher = dispatcher; }

    @Override
    public long handle(HypercallCall call) {
        GuestPointers m = call.memory();
        int w = call.wordBits() / 8;
        long wordMask = w == 8 ? -1L : 0xFFFF_FFFFL;
        long list = call.arg(0), nr = call.arg(1) & 0xFFFF_FFFFL;
        long entrySize = 8L * w;
        for (long i = 0; i < nr; i++) {
            if (i == CHUNK) return continuation(call, list + i * entrySize, nr - i);
            long at = list + i * entrySize;
            long op = m.readWord(at, w);
            long[] args = new long[ARGS];
            for (int k = 0; k < ARGS; k++) args[k] = m.readWord(at + (2L + k) * w, w);
            long result = op == HypercallNumbers.MULTICALL ? -XenErrno.EINVAL : dispatcher.handle(call.subCall(op, args));
            boolean exit = op == HypercallNumbers.IRET && result != -XenErrno.ENOSYS;
            if (exit) {
                // Xen's mc_exit: the vCPU now has the iret frame's registers, so the batch ends here. The result is
                // written back on a best-effort basis, and the multicall returns the iret's own result (the
                // restored return register) in place of 0.
                try {
                    writeResult(m, at + w, w, result, wordMask);
                } catch (GuestPointers.BadGuestPointer e) {
                    // Best effort only, as in Xen.
                }
                return result;
            }
            writeResult(m, at + w, w, result, wordMask);
            if (call.preempted() && i + 1 < nr) return continuation(call, list + (i + 1) * entrySize, nr - i - 1);
        }
        return 0;
    }

    private static void writeResult(GuestPointers m, long at, int w, long result, long wordMask) {
        if (w == 8) m.writeU64(at, result);
        else m.writeU32(at, result & wordMask);
    }

    private static long continuation(HypercallCall call, long list, long nr) {
        call.continueWith(HypercallNumbers.MULTICALL, new long[] {list, nr, 0, 0, 0});
        return 0;
    }
}
