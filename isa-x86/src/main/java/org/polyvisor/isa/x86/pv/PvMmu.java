package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;

/**
 * The PV memory-management hypercalls of one vCPU (Xen's do_mmu_update, do_update_va_mapping, do_mmuext_op), on the
 * domain's {@link PageTypes}:
 * <ul>
 * <li>{@code mmu_update} (1): {@code (struct mmu_update *req, unsigned count, unsigned *pdone, domid_t foreigndom)},
 *     {@code struct mmu_update { u64 ptr; u64 val; }}. The command is {@code ptr & 7}: MMU_NORMAL_PT_UPDATE (0) and
 *     MMU_PT_UPDATE_PRESERVE_AD (2) write the entry at guest-physical {@code ptr & ~7} as {@link PageTypes#update}
 *     says; MMU_MACHPHYS_UPDATE (1) sets M2P[ptr &gt;&gt; 12] = val; another is -ENOSYS.</li>
 * <li>{@code update_va_mapping} (14): {@code (va, val, flags)} on x86_64, {@code (va, val_lo, val_hi, flags)} on
 *     x86_32: the L1 entry that maps {@code va} in the current page tables (which must be a validated L1, else
 *     -EINVAL), then the flush {@code flags & 3} asks (UVMF_TLB_FLUSH 1, UVMF_INVLPG 2) on this vCPU
 *     ({@code flags & ~3} = UVMF_LOCAL 0), all of them (UVMF_ALL 4) or those of the vCPU mask {@code flags & ~3}
 *     points to.</li>
 * <li>{@code update_va_mapping_otherdomain} (22): the same with a trailing domid, which must be DOMID_SELF (-ESRCH).</li>
 * <li>{@code mmuext_op} (26): {@code (struct mmuext_op *ops, unsigned count, unsigned *pdone, domid_t foreigndom)},
 *     {@code { u32 cmd; union { xen_pfn_t mfn; ulong linear_addr; } arg1; union { u32 nr_ents; void *vcpumask;
 *     xen_pfn_t src_mfn; } arg2; }} (24 bytes on x86_64: arg1 at 8, arg2 at 16; 12 on x86_32: at 4 and 8).
 *     PIN_L1..L4_TABLE (0-3; L4 only on x86_64), UNPIN_TABLE 4, NEW_BASEPTR 5, TLB_FLUSH_LOCAL 6, INVLPG_LOCAL 7,
 *     TLB_FLUSH_MULTI 8, INVLPG_MULTI 9, TLB_FLUSH_ALL 10, INVLPG_ALL 11, SET_LDT 13 ({@link PvDescriptors#setLdt}),
 *     NEW_USER_BASEPTR 15 (x86_64; 0 for none),
 *     CLEAR_PAGE 16, COPY_PAGE 17; another command is -ENOSYS.</li>
 * </ul>
 * Both batch calls stop at the first failing entry and write the number done to {@code *pdone} when it is not null;
 * bit 31 of the count (MMU_UPDATE_PREEMPTED) is ignored. {@code foreigndom} must be DOMID_SELF (0x7FF0): a domU
 * acts on no other domain (-ESRCH). An unreadable request array or pdone is -EFAULT.
 * <p>NEW_BASEPTR loads CR3 with a root table it validates and references (releasing the previous one); a PV vCPU
 * that still runs with paging off (Polyvisor's PV entry) gets paging on with it: CR0.PG and WP, CR4.PAE (and EFER.NXE on
 * x86_64, as Xen gives 64-bit PV guests NX). Flushes of
 * other vCPUs are posted to them and done before their next instruction slice.
 */
final class PvMmu {
    static final int MMU_UPDATE = 1, UPDATE_VA_MAPPING = 14, UPDATE_VA_MAPPING_OTHERDOMAIN = 22, MMUEXT_OP = 26;
    static final int MMU_NORMAL_PT_UPDATE = 0, MMU_MACHPHYS_UPDATE = 1, MMU_PT_UPDATE_PRESERVE_AD = 2;
    static final int PIN_L1 = 0, PIN_L4 = 3, UNPIN = 4, NEW_BASEPTR = 5, TLB_FLUSH_LOCAL = 6, INVLPG_LOCAL = 7,
            TLB_FLUSH_MULTI = 8, INVLPG_MULTI = 9, TLB_FLUSH_ALL = 10, INVLPG_ALL = 11, SET_LDT = 13, NEW_USER_BASEPTR = 15,
            CLEAR_PAGE = 16, COPY_PAGE = 17;
    static final long UVMF_TLB_FLUSH = 1, UVMF_INVLPG = 2, UVMF_ALL = 4;
    static final long DOMID_SELF = 0x7FF0;
    private static final long CR0_PG = 1L << 31, CR0_WP = 1 << 16, CR4_PAE = 1 << 5, PREEMPTED = 1L << 31;

    private final CpuState s;
    private final Bus bus;
    private final GuestView guest;
    private final PageTypes types;
    private final TlbShootdown shootdown;
    private final boolean wide;
    private final int vcpu;
    /** The root tables NEW_BASEPTR and NEW_USER_BASEPTR referenced (-1 / 0: none). */
    private long base = -1, userBase;

    PvMmu(CpuState s, Bus bus, GuestView guest, PageTypes types, TlbShootdown shootdown, boolean wide, int vcpu) {
        this.s = s; this.bus = bus; this.guest = guest; this.types = types; this.shootdown = shootdown; this.wide = wide;
        this.vcpu = vcpu;
    }

    /** The user-mode root table NEW_USER_BASEPTR set (a frame number, 0 for none). */
    long userBase() { return userBase; }

    long mmuUpdate(long reqs, long count, long pdone, long foreign) {
        if ((foreign & 0xFFFF) != DOMID_SELF) return -Errno.ESRCH;
        count &= ~PREEMPTED & 0xFFFF_FFFFL;
        long rc = 0, done = 0;
        for (; done < count; done++) {
            long ptr = guest.read(reqs + 16 * done, 8), val = guest.read(reqs + 16 * done + 8, 8);
            if (guest.faulted()) { rc = -Errno.EFAULT; break; }
            int cmd = (int) (ptr & 7);
            rc = switch (cmd) {
                case MMU_NORMAL_PT_UPDATE, MMU_PT_UPDATE_PRESERVE_AD -> types.update(ptr & ~7L, val);
                case MMU_MACHPHYS_UPDATE -> types.setMachToPhys(ptr >>> 12, val);
                default -> -Errno.ENOSYS;
            };
            if (rc != 0) break;
        }
        return finish(rc, done, pdone);
    }

    long updateVaMapping(long va, long val, long flags) {
        long root = s.cr3;
        if ((s.cr0 & CR0_PG) == 0) return -Errno.EINVAL;
        if (wide && (va << 16 >> 16) != va) return -Errno.EINVAL;
        long rc;
        synchronized (types) {  // the walk, the L1's type and the update as one step against the other vCPUs
            long pte = types.l1EntryOf(root, va);
            if (pte < 0 || types.typeOf(pte >>> 12) != PageTypes.L1) return -Errno.EINVAL;
            rc = types.update(pte, val);
        }
        if (rc != 0) return rc;
        int kind = (int) (flags & 3);
        if (kind == 0) return 0;
        long target = flags & ~3L;
        if (target == 0) flushLocal(kind, va);
        else if (target == UVMF_ALL) { flushLocal(kind, va); shootdown.all(vcpu); }
        else {
            long mask = guest.read(target, wide ? 8 : 4);
            if (guest.faulted()) return -Errno.EFAULT;
            flushMask(mask, kind, va);
        }
        return 0;
    }

    /** update_va_mapping_otherdomain (22): {@code (va, val, flags, domid)}; a domU acts on no other domain (-ESRCH). */
    long updateVaMappingOtherdomain(long va, long val, long flags, long domid) {
        if ((domid & 0xFFFF) != DOMID_SELF) return -Errno.ESRCH;
        return updateVaMapping(va, val, flags);
    }

    private void flushLocal(int kind, long va) {
        if (kind == UVMF_INVLPG) bus.flushPage(va); else bus.flushTlb();
    }

    private void flushMask(long mask, int kind, long va) {
        if (vcpu < 64 && (mask >>> vcpu & 1) != 0) flushLocal(kind, va);
        shootdown.mask(mask, vcpu);
    }

    long mmuextOp(long ops, long count, long pdone, long foreign) {
        if ((foreign & 0xFFFF) != DOMID_SELF) return -Errno.ESRCH;
        count &= ~PREEMPTED & 0xFFFF_FFFFL;
        int size = wide ? 24 : 12, w = wide ? 8 : 4;
        long rc = 0, done = 0;
        for (; done < count; done++) {
            long at = ops + size * done;
            int cmd = (int) guest.read(at, 4);
            long arg1 = guest.read(at + w, w), arg2 = guest.read(at + 2L * w, w);
            if (guest.faulted()) { rc = -Errno.EFAULT; break; }
            rc = extended(cmd, arg1, arg2);
            if (rc != 0) break;
        }
        return finish(rc, done, pdone);
    }

    private long extended(int cmd, long arg1, long arg2) {
        if (cmd >= PIN_L1 && cmd <= PIN_L4) {
            int level = cmd + 1;
            if (level > types.rootLevel()) return -Errno.EINVAL;
            return types.pin(arg1, level);
        }
        return switch (cmd) {
            case UNPIN -> types.unpin(arg1);
            case NEW_BASEPTR -> newBase(arg1);
            case NEW_USER_BASEPTR -> newUserBase(arg1);
            case TLB_FLUSH_LOCAL -> { bus.flushTlb(); yield 0; }
            case INVLPG_LOCAL -> { bus.flushPage(arg1); yield 0; }
            case TLB_FLUSH_ALL -> { bus.flushTlb(); shootdown.all(vcpu); yield 0; }
            case INVLPG_ALL -> { bus.flushPage(arg1); shootdown.all(vcpu); yield 0; }
            case TLB_FLUSH_MULTI, INVLPG_MULTI -> {
                long mask = guest.read(arg2, wide ? 8 : 4);
                if (guest.faulted()) yield -Errno.EFAULT;
                flushMask(mask, cmd == INVLPG_MULTI ? (int) UVMF_INVLPG : (int) UVMF_TLB_FLUSH, arg1);
                yield 0;
            }
            case SET_LDT -> descriptors.setLdt(arg1, arg2);
            case CLEAR_PAGE -> fill(arg1, -1);
            case COPY_PAGE -> fill(arg1, arg2);
            default -> -Errno.ENOSYS;
        };
    }

    /** The vCPU's ring model, told of the kernel and user root tables (its mode switches load them). */
    GuestModes modes;
    /** SET_LDT's descriptor checks and page types. */
    PvDescriptors descriptors;

    /** NEW_BASEPTR, also Xen's new_guest_cr3 for an emulated MOV to CR3: 0 or Xen's error. */
    long newBaseptr(long frame) { return newBase(frame); }

    /** NEW_BASEPTR: the frame must validate as a root table; the previous root's reference is dropped. */
    private long newBase(long frame) {
        if (frame != base) {
            long rc = types.get(frame, types.rootLevel());
            if (rc != 0) return rc;
            if (base >= 0) types.put(base);
            base = frame;
        }
        s.cr3 = frame << 12;
        if (modes != null) modes.kernelRoot = frame;
        if ((s.cr0 & CR0_PG) == 0) {
            if (wide) s.efer |= org.polyvisor.isa.x86.mmu.Mmu.EFER_NXE;  // Xen runs x86_64 PV guests with NX usable
            s.cr4 |= CR4_PAE;
            s.cr0 |= CR0_PG | CR0_WP;
            s.updateMode();
        }
        bus.flushTlb();
        return 0;
    }

    /** ctrlreg[1] of a loaded context: NEW_USER_BASEPTR's checks and references. */
    long userBaseFromContext(long frame) { return newUserBase(frame); }

    private long newUserBase(long frame) {
        if (!wide) return -Errno.ENOSYS;
        if (frame != 0 && frame != userBase) {
            long rc = types.get(frame, PageTypes.L4);
            if (rc != 0) return rc;
        }
        if (userBase != 0 && frame != userBase) types.put(userBase);
        userBase = frame;
        if (modes != null) modes.userRoot = frame;
        return 0;
    }

    /** CLEAR_PAGE (source -1) or COPY_PAGE: frames of the domain that may be written (no page table). */
    private long fill(long frame, long source) {
        if (types.get(frame, PageTypes.WRITABLE) != 0) return -Errno.EINVAL;
        try {
            if (source >= 0 && !types.isRam(source)) return -Errno.EINVAL;
            var dst = types.page(frame);
            if (source < 0) dst.fill((byte) 0);
            else dst.copyFrom(types.page(source));
            return 0;
        } finally {
            types.put(frame);
        }
    }

    private long finish(long rc, long done, long pdone) {
        if (pdone != 0) {
            guest.write(pdone, 4, done);
            if (guest.faulted() && rc == 0) return -Errno.EFAULT;
        }
        return rc;
    }
}
