package org.polyvisor.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The blob is read back by an independent walker written from the Devicetree Specification (section 5), which
 * prints it in dtc's source syntax; `dtc -I dtb -O dts` printed the same tree for this blob.
 */
class FdtBuilderTest {

    private static byte[] sample() {
        FdtBuilder f = new FdtBuilder();
        f.beginNode("");
        f.cells("#address-cells", 2).cells("#size-cells", 2);
        f.property("compatible", "linux,dummy-virt");
        f.beginNode("memory@40000000").property("device_type", "memory").cells("reg", FdtBuilder.cells64(0x4000_0000L, 0x0800_0000L)).endNode();
        f.beginNode("chosen").property("bootargs", "console=ttyAMA0").property("stdout-path", "/pl011@9000000").endNode();
        int gic = f.newPhandle();
        f.beginNode("intc@8000000").property("interrupt-controller").cells("phandle", gic).cells("#interrupt-cells", 3).endNode();
        f.endNode();
        f.reserve(0x4800_0000L, 0x1000);
        return f.finish(0);
    }

    @Test
    void headerFollowsVersion17() {
        ByteBuffer b = ByteBuffer.wrap(sample());
        assertEquals(FdtBuilder.MAGIC, b.getInt(0));
        assertEquals(b.capacity(), b.getInt(4), "totalsize");
        assertEquals(40, b.getInt(16), "off_mem_rsvmap right after the header");
        assertEquals(17, b.getInt(20));
        assertEquals(16, b.getInt(24));
        assertEquals(b.getInt(4) - b.getInt(12), b.getInt(32), "size_dt_strings ends the blob");
        assertEquals(b.getInt(12) - b.getInt(8), b.getInt(36), "size_dt_struct");
        assertEquals(0x4800_0000L, b.getLong(40));
        assertEquals(0x1000, b.getLong(48));
        assertEquals(0, b.getLong(56));
    }

    @Test
    void treeReadsBackAsWritten() {
        assertEquals(List.of(
                "/ {",
                "#address-cells = <0x2>;",
                "#size-cells = <0x2>;",
                "compatible = \"linux,dummy-virt\";",
                "memory@40000000 {",
                "device_type = \"memory\";",
                "reg = <0x0 0x40000000 0x0 0x8000000>;",
                "};",
                "chosen {",
                "bootargs = \"console=ttyAMA0\";",
                "stdout-path = \"/pl011@9000000\";",
                "};",
                "intc@8000000 {",
                "interrupt-controller;",
                "phandle = <0x1>;",
                "#interrupt-cells = <0x3>;",
                "};",
                "};"), walk(sample()));
    }

    @Test
    void unbalancedNodesAreRefused() {
        FdtBuilder f = new FdtBuilder().beginNode("");
        assertThrows(IllegalStateException.class, () -> f.finish(0));
        assertThrows(IllegalStateException.class, () -> new FdtBuilder().endNode());
    }

    /** The structure block as dtc would print it (strings for printable NUL-terminated values, cells otherwise). */
    private static List<String> walk(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob);
        int p = b.getInt(8), strings = b.getInt(12);
        List<String> out = new ArrayList<>();
        while (true) {
            int token = b.getInt(p);
            p += 4;
            switch (token) {
                case 1 -> {
                    int end = p;
                    while (blob[end] != 0) end++;
                    String name = new String(blob, p, end - p, StandardCharsets.US_ASCII);
                    out.add((name.isEmpty() ? "/" : name) + " {");
                    p = (end + 1 + 3) & ~3;
                }
                case 2 -> out.add("};");
                case 3 -> {
                    int len = b.getInt(p), nameOff = b.getInt(p + 4);
                    p += 8;
                    int e = strings + nameOff;
                    while (blob[e] != 0) e++;
                    String name = new String(blob, strings + nameOff, e - strings - nameOff, StandardCharsets.US_ASCII);
                    if (len == 0) out.add(name + ";");
                    else if (blob[p + len - 1] == 0 && blob[p] >= 0x20) out.add(name + " = \"" + new String(blob, p, len - 1, StandardCharsets.US_ASCII) + "\";");
                    else {
                        StringBuilder s = new StringBuilder(name + " = <");
                        for (int i = 0; i < len; i += 4) s.append(i == 0 ? "" : " ").append("0x").append(Integer.toHexString(b.getInt(p + i)));
                        out.add(s + ">;");
                    }
                    p = (p + len + 3) & ~3;
                }
                case 9 -> { return out; }
                default -> throw new AssertionError("bad token " + token + " at " + (p - 4));
            }
        }
    }
}
