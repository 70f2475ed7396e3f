package org.polyvisor.kernel.isa;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.polyvisor.spi.IsaProvider;

/** The ISA backends that {@link ServiceLoader} found, keyed by their stable id. Loaded once. */
public final class IsaCatalog {
    private final Map<String, IsaProvider> byId;

    private IsaCatalog(Map<String, IsaProvider> byId) { this.byId = Collections.unmodifiableMap(byId); }

    /** Every provider on the class loader's path. Two providers with one id are an installation error. */
    public static IsaCatalog load(ClassLoader loader) {
        Map<String, IsaProvider> found = new TreeMap<>();
        for (IsaProvider p : ServiceLoader.load(IsaProvider.class, loader)) {
            IsaProvider before = found.putIfAbsent(p.id(), p);
            if (before != null)
                throw new IllegalStateException("two ISA backends claim the id '" + p.id() + "': "
                        + before.getClass().getName() + " and " + p.getClass().getName());
        }
        return new IsaCatalog(new LinkedHashMap<>(found));
    }

    public static IsaCatalog load() { return load(IsaCatalog.class.getClassLoader()); }

    public static IsaCatalog of(IsaProvider... providers) {
        Map<String, IsaProvider> m = new TreeMap<>();
        for (IsaProvider p : providers) m.put(p.id(), p);
        return new IsaCatalog(new LinkedHashMap<>(m));
    }

    public Collection<IsaProvider> all() { return byId.values(); }

    public boolean has(String id) { return id != null && byId.containsKey(id.toLowerCase(Locale.ROOT)); }

    /** The provider with this id, or an error that lists the loaded ones. */
    public IsaProvider get(String id) {
        IsaProvider p = id == null ? null : byId.get(id.toLowerCase(Locale.ROOT));
        if (p == null) throw new UnknownIsaException(id, byId.keySet());
        return p;
    }

    /** The provider for an ELF file's machine and class, or null. */
    public IsaProvider forElf(int machine, int elfClass) {
        for (IsaProvider p : byId.values()) if (p.elfMachine() == machine && p.elfClass() == elfClass) return p;
        return null;
    }

    public String ids() { return byId.isEmpty() ? "none" : String.join(", ", byId.keySet()); }
}
