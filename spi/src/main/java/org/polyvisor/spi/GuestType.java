package org.polyvisor.spi;

import java.util.Locale;

/** xl.cfg's {@code type}: a paravirtualised guest calls hypercalls; a fully virtualised one runs unmodified. */
public enum GuestType {
    PV, HVM;

    /** The xl.cfg spelling. */
    public String xlName() { return name().toLowerCase(Locale.ROOT); }
}
