package org.polyvisor.kernel.isa;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.polyvisor.spi.IsaProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The ISA backends that {@link ServiceLoader} found, keyed by their stable id. Loaded once. */
public final class IsaCatalog {
    private final Map<String, IsaProvider> byId;
    private final List<String> problems;

    private IsaCatalog(Map<String, IsaProvider> byId, List<String> problems) {
        this.byId = Collections.unmodifiableMap(byId);
        this.problems = List.copyOf(problems);
    }

    /**
     * Every provider on the class loader's path. A backend that cannot be loaded (a jar it needs was taken out, say
     * isa-x86.jar from under isa-x86_64.jar) or that claims an id already taken is left out, and said in
     * {@link #problems()}: one broken jar never stops the hypervisor.
     */
    public static IsaCatalog load(ClassLoader loader) {
        Map<String, IsaProvider> found = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        List<Integer> unnamed = new ArrayList<>();       // problems whose provider the error does not name
        Set<String> seen = new HashSet<>();
        Iterator<ServiceLoader.Provider<IsaProvider>> it = ServiceLoader.load(IsaProvider.class, loader).stream().iterator();
        while (true) {
            String provider = null;                  // named once its class is found, for a failure after that
            try {
                if (!it.hasNext()) break;
                ServiceLoader.Provider<IsaProvider> handle = it.next();
                provider = handle.type().getName();
                seen.add(provider);
                IsaProvider p = handle.get();
                IsaProvider before = found.putIfAbsent(p.id(), p);
                if (before != null)
                    problems.add("two ISA backends claim the id '" + p.id() + "': " + before.getClass().getName() + " and "
                            + p.getClass().getName() + "; using the first");
            } catch (ServiceConfigurationError | LinkageError e) {
                String why = rootMessage(e);
                if (provider == null && !why.contains("Provider ")) unnamed.add(problems.size());
                problems.add("an ISA backend could not be loaded" + (provider == null ? "" : " (" + provider + ")") + ": " + why);
            }
        }
        nameUnnamed(loader, problems, unnamed, seen);
        return new IsaCatalog(new LinkedHashMap<>(found), problems);
    }

    /**
     * A provider class that fails to link (a class it needs is in a jar taken out) fails inside the service iterator,
     * with an error that does not name it. The services files list every provider in the iterator's order, so the ones
     * never reached are the unnamed failures, in order; when their counts agree they are named.
     */
    private static void nameUnnamed(ClassLoader loader, List<String> problems, List<Integer> unnamed, Set<String> seen) {
        if (unnamed.isEmpty()) return;
        List<String> missing = new ArrayList<>();
        try {
            for (URL u : Collections.list(loader.getResources("META-INF/services/" + IsaProvider.class.getName()))) {
                try (var in = new BufferedReader(new InputStreamReader(u.openStream(), StandardCharsets.UTF_8))) {
                    for (String line : in.lines().toList()) {
                        String name = line.replaceFirst("#.*", "").strip();
                        if (!name.isEmpty() && !seen.contains(name) && !missing.contains(name)
                                && problems.stream().noneMatch(p -> p.contains(name))) missing.add(name);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return;                                      // the problems stay as they are, unnamed
        }
        if (missing.size() != unnamed.size()) return;
        for (int k = 0; k < unnamed.size(); k++) {
            int i = unnamed.get(k);
            problems.set(i, problems.get(i).replaceFirst("^an ISA backend could not be loaded", "an ISA backend could not be loaded (" + missing.get(k) + ")"));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String what = t instanceof ClassNotFoundException || t instanceof NoClassDefFoundError
                ? "class " + t.getMessage().replace('/', '.') + " is missing (is a jar it needs gone?)" : String.valueOf(t.getMessage());
        return e.getMessage() == null ? what : e.getMessage().replaceFirst("^org\\.polyvisor\\.spi\\.IsaProvider: ", "") + ": " + what;
    }

    /** Backends that were found but left out, with why. */
    public List<String> problems() { return problems; }

    public static IsaCatalog load() { return load(IsaCatalog.class.getClassLoader()); }

    public static IsaCatalog of(IsaProvider... providers) {
        Map<String, IsaProvider> m = new TreeMap<>();
        for (IsaProvider p : providers) m.put(p.id(), p);
        return new IsaCatalog(new LinkedHashMap<>(m), List.of());
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
