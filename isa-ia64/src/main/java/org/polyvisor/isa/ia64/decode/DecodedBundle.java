package org.polyvisor.isa.ia64.decode;

import org.polyvisor.isa.ia64.insn.Insn;
import org.polyvisor.spi.exec.DecodedPages;

/**
 * A decoded bundle: its template and one instruction per slot. An L+X instruction sits in slot 1 with
 * width 2 and slot 2 is null. What {@link DecodedPages} caches per 16-byte granule.
 */
public final class DecodedBundle {
    public final Template template;
    public final Insn[] slots;

    DecodedBundle(Template template, Insn[] slots) {
        this.template = template;
        this.slots = slots;
    }
}
