package org.polyvisor.shell.view;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.IsaProvider;
import java.util.stream.Stream;

/** {@code polyvisor isa}: one line per loaded backend (id, word size, byte order, ELF machine, description). */
public final class IsaListView {
    private IsaListView() { }

    /** One line per loaded backend, then one "not loaded: ..." line per backend that was found but could not load. */
    public static List<String> lines(IsaCatalog isas) {
        return Stream.concat(isas.all().stream().map(IsaListView::line),
                isas.problems().stream().map(p -> "not loaded: " + p)).toList();
    }

    static String line(IsaProvider p) {
        return String.format(Locale.ROOT, "%-7s %2d-bit  %-13s  ELF machine %3d  %s", p.id(), p.wordBits(),
                p.byteOrder() == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian", p.elfMachine(), p.description());
    }

    /** The message when nothing was found. */
    public static final String NONE = "no ISA backends loaded (no isa-*.jar on the class path)";
}
