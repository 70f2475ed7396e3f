package org.polyvisor.devices;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a flattened device tree blob, version 17 (the Devicetree Specification's format, what Linux and U-Boot
 * read): the 40-byte header, an empty memory-reservation map unless entries are added, the structure block of
 * FDT_BEGIN_NODE / FDT_PROP / FDT_END_NODE / FDT_END tokens, and the strings block with each property name once.
 * Everything is big-endian, whatever the guest's byte order. Nodes are written in the order they are begun.
 */
public final class FdtBuilder {
    public static final int MAGIC = 0xD00DFEED;
    private static final int BEGIN_NODE = 1, END_NODE = 2, PROP = 3, END = 9;
    private static final int HEADER_SIZE = 40, VERSION = 17, LAST_COMPATIBLE_VERSION = 16;

    private final ByteArrayOutputStream struct = new ByteArrayOutputStream();
    private final ByteArrayOutputStream strings = new ByteArrayOutputStream();
    private final Map<String, Integer> stringOffsets = new HashMap<>();
    private final List<long[]> reservations = new ArrayList<>();
    private int depth;
    private int nextPhandle = 1;

    /** Opens a node; the root is {@code ""}, others are "name@unit-address". */
    public FdtBuilder beginNode(String name) {
        token(BEGIN_NODE);
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        struct.write(n, 0, n.length);
        struct.write(0);
        pad();
        depth++;
        return this;
    }

    public FdtBuilder endNode() {
        if (depth == 0) throw new IllegalStateException("endNode without beginNode");
        token(END_NODE);
        depth--;
        return this;
    }

    /** A property with raw bytes as its value. */
    public FdtBuilder property(String name, byte[] value) {
        token(PROP);
        u32(struct, value.length);
        u32(struct, nameOffset(name));
        struct.write(value, 0, value.length);
        pad();
        return this;
    }

    /** An empty property (a flag such as {@code ranges} or {@code interrupt-controller}). */
    public FdtBuilder property(String name) { return property(name, new byte[0]); }

    /** A string list ({@code compatible = "a", "b"}): each NUL-terminated. */
    public FdtBuilder property(String name, String... values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String v : values) {
            byte[] s = v.getBytes(StandardCharsets.US_ASCII);
            b.write(s, 0, s.length);
            b.write(0);
        }
        return property(name, b.toByteArray());
    }

    /** A list of 32-bit cells ({@code reg}, {@code interrupts}, {@code #address-cells}...). */
    public FdtBuilder cells(String name, long... cells) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (long c : cells) u32(b, (int) c);
        return property(name, b.toByteArray());
    }

    /** A 64-bit quantity as two cells, high first (addresses and sizes with #address-cells = 2). */
    public static long[] cells64(long... values) {
        long[] out = new long[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            out[2 * i] = values[i] >>> 32;
            out[2 * i + 1] = values[i] & 0xFFFF_FFFFL;
        }
        return out;
    }

    /** A fresh phandle value for a node that others refer to (an interrupt controller). */
    public int newPhandle() { return nextPhandle++; }

    /** A /memreserve/ entry. */
    public FdtBuilder reserve(long address, long size) {
        reservations.add(new long[] {address, size});
        return this;
    }

    /** The blob; {@code bootCpu} is the physical id of the CPU that boots. */
    public byte[] finish(int bootCpu) {
        if (depth != 0) throw new IllegalStateException(depth + " node(s) still open");
        token(END);
        ByteArrayOutputStream rsv = new ByteArrayOutputStream();
        for (long[] r : reservations) { u64(rsv, r[0]); u64(rsv, r[1]); }
        u64(rsv, 0);
        u64(rsv, 0);
        int offRsv = HEADER_SIZE; // already 8-byte aligned
        int offStruct = offRsv + rsv.size();
        int offStrings = offStruct + struct.size();
        int total = offStrings + strings.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream(total);
        u32(out, MAGIC);
        u32(out, total);
        u32(out, offStruct);
        u32(out, offStrings);
        u32(out, offRsv);
        u32(out, VERSION);
        u32(out, LAST_COMPATIBLE_VERSION);
        u32(out, bootCpu);
        u32(out, strings.size());
        u32(out, struct.size());
        out.writeBytes(rsv.toByteArray());
        out.writeBytes(struct.toByteArray());
        out.writeBytes(strings.toByteArray());
        return out.toByteArray();
    }

    private int nameOffset(String name) {
        return stringOffsets.computeIfAbsent(name, n -> {
            int off = strings.size();
            byte[] s = n.getBytes(StandardCharsets.US_ASCII);
            strings.write(s, 0, s.length);
            strings.write(0);
            return off;
        });
    }

    private void token(int t) { u32(struct, t); }

    private void pad() { while ((struct.size() & 3) != 0) struct.write(0); }

    private static void u32(ByteArrayOutputStream b, int v) {
        b.write(v >>> 24);
        b.write(v >>> 16);
        b.write(v >>> 8);
        b.write(v);
    }

    private static void u64(ByteArrayOutputStream b, long v) {
        u32(b, (int) (v >>> 32));
        u32(b, (int) v);
    }
}
