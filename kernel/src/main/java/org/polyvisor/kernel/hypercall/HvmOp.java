package org.polyvisor.kernel.hypercall;

/**
 * hvm_op (34), the parameter sub-ops every HVM guest uses to find its PV rings: HVMOP_set_param (0) and
 * HVMOP_get_param (1) with {@code struct xen_hvm_param { domid_t domid; uint16_t pad; uint32_t index; uint64_t value; }}.
 * A guest reads its own parameters (DOMID_SELF or its id) and may set the few Xen lets a guest set (see
 * {@link HvmParams#guestMaySet}); dom0 may read and set any HVM domain's. The checks come in Xen's order: no such
 * domain is -ESRCH, a PV domain -EINVAL, another domain's parameters -EPERM for a domU, an index beyond
 * HVM_NR_PARAMS -EINVAL. Other sub-ops are -ENOSYS.
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
        int target = self ? call.domainId() : domid;
        if (!self && !call.domainExists(target)) return -XenErrno.ESRCH;   // Xen: rcu_lock_domain_by_any_id
        HvmParams params = call.hvmParams(target);
        if (params == null) return -XenErrno.EINVAL;                        // is_hvm_domain
        if (!self && !call.privileged()) return -XenErrno.EPERM;            // xsm_hvm_param
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
