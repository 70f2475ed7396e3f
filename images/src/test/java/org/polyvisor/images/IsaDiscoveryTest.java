package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.kernel.isa.IsaCatalog;

/** ISAs are found by ServiceLoader: with one ISA's jar taken off the class path, that ISA is gone and the rest remain. */
class IsaDiscoveryTest {

    @ParameterizedTest(name = "without isa-{0}")
    @ValueSource(strings = {"x86", "x86_64", "arm64", "ia64", "ppc"})
    void takingAJarOutRemovesThatIsa(String removed) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (isIsaModule(entry, removed)) continue;
            urls.add(Path.of(entry).toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> catalog = loader.loadClass(IsaCatalog.class.getName());
            Object c = catalog.getMethod("load", ClassLoader.class).invoke(null, loader);
            List<String> expected = new ArrayList<>(List.of("arm64", "ia64", "ppc", "x86", "x86_64"));
            expected.remove(removed);
            // x86_64 extends the x86 decoder: without isa-x86.jar it cannot load, and the catalog says why.
            if (removed.equals("x86")) expected.remove("x86_64");
            @SuppressWarnings("unchecked")
            List<String> problems = (List<String>) catalog.getMethod("problems").invoke(c);
            assertEquals(removed.equals("x86") ? 1 : 0, problems.size(), problems.toString());
            if (removed.equals("x86"))
                assertEquals(true, problems.get(0).contains("X86_64IsaProvider") && problems.get(0).contains("org.polyvisor.isa.x86."), problems.get(0));
            assertEquals(String.join(", ", expected), catalog.getMethod("ids").invoke(c));
            InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> catalog.getMethod("get", String.class).invoke(c, removed));
            assertEquals("no such ISA: " + removed + "; loaded: " + String.join(", ", expected), e.getCause().getMessage());
        }
    }

    /** The class-path entry of one ISA module: its jar, or its classes folder inside the reactor. */
    private static boolean isIsaModule(String entry, String isa) {
        String e = entry.replace('\\', '/');
        return e.matches(".*/isa-" + isa + "(-[0-9][^/]*)?\\.jar$") || e.matches(".*/isa-" + isa + "/target/classes/?$");
    }
}
