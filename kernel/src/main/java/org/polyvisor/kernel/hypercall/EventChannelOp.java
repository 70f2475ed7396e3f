package org.polyvisor.kernel.hypercall;

import org.polyvisor.kernel.event.EventHub;
import org.polyvisor.kernel.event.Port;

/**
 * event_channel_op (32) with Xen's EVTCHNOP_* numbers and structures (event_channel.h): domid_t is 16 bits,
 * ports and vCPU numbers 32; OUT fields are written back into the guest's structure.
 */
public final class EventChannelOp implements HypercallHandler {
    public static final int BIND_INTERDOMAIN = 0, BIND_VIRQ = 1, BIND_PIRQ = 2, CLOSE = 3, SEND = 4, STATUS = 5,
            ALLOC_UNBOUND = 6, BIND_IPI = 7, BIND_VCPU = 8, UNMASK = 9, RESET = 10;

    @Override
    public long handle(HypercallCall call) {
        long cmd = call.arg(0), at = call.arg(1);
        GuestPointers m = call.memory();
        EventHub hub = call.events();
        int self = call.domainId();
        if (cmd == ALLOC_UNBOUND) {
            long r = hub.allocUnbound(self, call.privileged(), m.readU16(at), m.readU16(at + 2));
            return out(m, at + 4, r);
        }
        if (cmd == BIND_INTERDOMAIN) return out(m, at + 8, hub.bindInterdomain(self, m.readU16(at), m.readU32(at + 4)));
        if (cmd == BIND_VIRQ) return out(m, at + 8, hub.bindVirq(self, m.readU32(at), m.readU32(at + 4)));
        if (cmd == BIND_IPI) return out(m, at + 4, hub.bindIpi(self, m.readU32(at)));
        if (cmd == CLOSE) return hub.close(self, m.readU32(at));
        if (cmd == SEND) return hub.send(self, m.readU32(at));
        if (cmd == UNMASK) return hub.unmask(self, m.readU32(at));
        if (cmd == BIND_VCPU) return hub.bindVcpu(self, m.readU32(at), m.readU32(at + 4));
        if (cmd == RESET) return hub.reset(self, call.privileged(), m.readU16(at));
        if (cmd == STATUS) return status(call, hub, m, at);
        return -XenErrno.ENOSYS;
    }

    /** Writes a port result into the structure's OUT field; errors are returned without writing. */
    private static long out(GuestPointers m, long field, long result) {
        if (result < 0) return result;
        m.writeU32(field, result);
        return 0;
    }

    /** struct evtchn_status { domid_t dom; evtchn_port_t port; OUT uint32 status, vcpu; union u @16 }. */
    private static long status(HypercallCall call, EventHub hub, GuestPointers m, long at) {
        long[] error = new long[1];
        Port p = hub.status(call.domainId(), call.privileged(), m.readU16(at), m.readU32(at + 4), error);
        if (error[0] < 0) return error[0];
        m.writeU32(at + 8, p == null ? Port.CLOSED : p.status());
        m.writeU32(at + 12, p == null ? 0 : p.vcpu());
        byte[] union = new byte[8];
        m.write(at + 16, union);
        switch (p) {
            case null -> { }
            case Port.Unbound u -> m.writeU16(at + 16, u.remoteDomain());
            case Port.Interdomain i -> {
                m.writeU16(at + 16, i.remoteDomain());
                m.writeU32(at + 20, i.remotePort());
            }
            case Port.Virq v -> m.writeU32(at + 16, v.virq());
            case Port.Service svc -> m.writeU16(at + 16, 0);
            case Port.Ipi ipi -> { }
        }
        return 0;
    }

}
