package org.polyvisor.kernel.hypercall;

/**
 * hvm_op (34), the parameter sub-ops every HVM guest uses to find its PV rings: HVMOP_set_param (0) and
 * HVMOP_get_param (1) with {@code struct xen_hvm_param { domid_t domid; uint16_t pad; uint32_t index; uint64_t value; }}.
 * A guest reads its own parameters (DOMID_SELF or its id) and may set only HVM_PARAM_CALLBACK_IRQ; dom0 may read and
 * set any HVM domain's. A PV domain, or an index beyond HVM_NR_PARAMS, is -EINVAL; another domain's is -EPERM for a
 * domU and -ESRCH when there is no such HVM domain. Other sub-ops are -ENOSYS.
 */
public final class HvmOp implements HypercallHandler {
    public static final int SET_PARAM = 0, GET_PARAM = 1;
    static final int DOMID_SELF = 0x7FF0;

    @Override
    public long handle(HypercallCall call) {
        long cmd = call.arg(0);
        if (cmd != SET_PARAM && cmd != GET_PARAM) return -XenErrno.ENOSYS;
        GuestPointers m = call.memory();
        long at = call.arg(1);
        int domid = m.readU16(at);
        long index = m.readU32(at + 4);
        boolean self = domid == DOMID_SELF || domid == call.domainId();
        if (!self && !call.privileged()) return -XenErrno.EPERM;
        HvmParams params = call.hvmParams(self ? call.domainId() : domid);
        if (params == null) return self ? -XenErrno.EINVAL : -XenErrno.ESRCH;
        if (index < 0 || index >= HvmParams.COUNT) return -XenErrno.EINVAL;
        if (cmd == GET_PARAM) {
            m.writeU64(at + 8, params.get((int) index));
            return 0;
        }
        if (!call.privileged() && !HvmParams.guestMaySet((int) index)) return -XenErrno.EPERM;
        params.set((int) index, m.readU64(at + 8));
        return 0;
    }
}
