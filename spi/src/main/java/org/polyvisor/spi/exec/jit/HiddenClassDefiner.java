package org.polyvisor.spi.exec.jit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Defines generated class bytes as a hidden class in the package of a lookup's class and makes one instance of it
 * through its no-argument constructor. Hidden, because nothing refers to a translation by name and because
 * a hidden class that is no longer reachable can be unloaded (the translation cache evicts; decoded pages drop
 * their links). Failures are the translator's bugs, not the guest's: they come out as {@link IllegalStateException}
 * naming the class.
 */
public final class HiddenClassDefiner {
    private final MethodHandles.Lookup lookup;

    /** Defines classes next to {@code lookup}'s class, which must have full privilege (its own {@code lookup()}). */
    public HiddenClassDefiner(MethodHandles.Lookup lookup) {
        if (!lookup.hasFullPrivilegeAccess()) throw new IllegalArgumentException("lookup lacks full privilege: " + lookup);
        this.lookup = lookup;
    }

    /** An instance of the hidden class {@code bytes} define, as {@code type}. */
    public <T> T instantiate(byte[] bytes, Class<T> type) {
        try {
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true);
            return type.cast(hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke());
        } catch (Throwable e) {
            throw new IllegalStateException("generated class could not be defined in " + lookup.lookupClass().getPackageName()
                    + ": " + e, e);
        }
    }
}
