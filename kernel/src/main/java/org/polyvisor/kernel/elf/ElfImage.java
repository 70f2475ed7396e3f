package org.polyvisor.kernel.elf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;
import org.polyvisor.spi.XenElfNotes;

/**
 * A parsed ELF executable: header, loadable segments and symbols. Every offset and size is checked against the
 * file before it is used, so a truncated or hostile file gives an {@link ElfException}, never an index error.
 */
public final class ElfImage {
    public static final int ELFCLASS32 = 1, ELFCLASS64 = 2;
    private static final int PT_LOAD = 1, PT_NOTE = 4, SHT_SYMTAB = 2, ET_EXEC = 2, ET_DYN = 3;

    private final String source;
    private final byte[] bytes;
    private final int elfClass;
    private final ByteOrder order;
    private final int machine;
    private final long entry;
    private final List<ElfSegment> segments;
    private final Map<String, ElfSymbol> symbols;
    private final XenElfNotes xenNotes;

    private ElfImage(String source, byte[] bytes, int elfClass, ByteOrder order, int machine, long entry,
                     List<ElfSegment> segments, Map<String, ElfSymbol> symbols, XenElfNotes xenNotes) {
        this.xenNotes = xenNotes;
        this.source = source;
        this.bytes = bytes;
        this.elfClass = elfClass;
        this.order = order;
        this.machine = machine;
        this.entry = entry;
        this.segments = List.copyOf(segments);
        this.symbols = symbols;
    }

    public static ElfImage parse(String source, byte[] bytes) throws ElfException {
        return new Reader(source, bytes).read();
    }

    public String source() { return source; }

    public int elfClass() { return elfClass; }

    public ByteOrder byteOrder() { return order; }

    public int machine() { return machine; }

    public long entry() { return entry; }

    public List<ElfSegment> segments() { return segments; }

    /** The image's "Xen" notes from its PT_NOTE segments (empty for a kernel that has none). */
    public XenElfNotes xenNotes() { return xenNotes; }

    /** The file as read. */
    public byte[] bytes() { return bytes.clone(); }

    public Optional<ElfSymbol> symbol(String name) { return Optional.ofNullable(symbols.get(name)); }

    /** The file bytes of a segment. */
    public byte[] segmentBytes(ElfSegment s) {
        byte[] out = new byte[(int) s.fileSize()];
        System.arraycopy(bytes, (int) s.offset(), out, 0, out.length);
        return out;
    }

    /** Reads {@code length} bytes at virtual address {@code vaddr} from the file image of the segment holding them. */
    public Optional<byte[]> bytesAt(long vaddr, int length) {
        for (ElfSegment s : segments) {
            if (vaddr >= s.vaddr() && vaddr + length <= s.vaddr() + s.fileSize()) {
                byte[] out = new byte[length];
                System.arraycopy(bytes, (int) (s.offset() + vaddr - s.vaddr()), out, 0, length);
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }

    /** Lowest and highest (exclusive) physical addresses that the loadable segments occupy. */
    public long[] physicalExtent() {
        long lo = Long.MAX_VALUE, hi = 0;
        for (ElfSegment s : segments) {
            lo = Math.min(lo, s.paddr());
            hi = Math.max(hi, s.paddr() + s.memSize());
        }
        return new long[] {lo, hi};
    }

    /** Bounds-checked field reads over the file bytes. */
    private static final class Reader {
        private final String source;
        private final byte[] bytes;
        private ByteBuffer buf;
        private boolean is64;

        Reader(String source, byte[] bytes) {
            this.source = source;
            this.bytes = bytes;
        }

        private ElfException bad(String what) { return new ElfException(source, what); }

        ElfImage read() throws ElfException {
            if (bytes.length < 16) throw bad("not an ELF file: only " + bytes.length + " bytes");
            if (bytes[0] != 0x7f || bytes[1] != 'E' || bytes[2] != 'L' || bytes[3] != 'F')
                throw bad("not an ELF file: bad magic (expected 7f 45 4c 46)");
            int cls = bytes[4];
            if (cls != ELFCLASS32 && cls != ELFCLASS64) throw bad("unknown ELF class " + cls + " (expected 1 or 2)");
            is64 = cls == ELFCLASS64;
            int data = bytes[5];
            ByteOrder order = switch (data) {
                case 1 -> ByteOrder.LITTLE_ENDIAN;
                case 2 -> ByteOrder.BIG_ENDIAN;
                default -> throw bad("unknown ELF data encoding " + data + " (expected 1 or 2)");
            };
            if (bytes[6] != 1) throw bad("unknown ELF version " + bytes[6]);
            int ehsize = is64 ? 64 : 52;
            if (bytes.length < ehsize) throw bad("truncated ELF header: " + bytes.length + " bytes, need " + ehsize);
            buf = ByteBuffer.wrap(bytes).order(order);
            int type = u16(16);
            if (type != ET_EXEC && type != ET_DYN) throw bad("not an executable (e_type " + type + ")");
            int machine = u16(18);
            long entry = word(24);
            long phoff = word(is64 ? 32 : 28);
            long shoff = word(is64 ? 40 : 32);
            int phentsize = u16(is64 ? 54 : 42);
            int phnum = u16(is64 ? 56 : 44);
            int shentsize = u16(is64 ? 58 : 46);
            int shnum = u16(is64 ? 60 : 48);
            int needPh = is64 ? 56 : 32;
            if (phnum == 0) throw bad("no program headers: nothing to load");
            if (phentsize < needPh) throw bad("program header entries of " + phentsize + " bytes (need " + needPh + ")");
            check(phoff, (long) phnum * phentsize, "program header table");
            List<ElfSegment> segs = new ArrayList<>();
            Map<Integer, byte[]> notes = new LinkedHashMap<>();
            for (int i = 0; i < phnum; i++) {
                long h = phoff + (long) i * phentsize;
                if (u32(h) == PT_NOTE) {
                    long off = is64 ? word(h + 8) : u32(h + 4), size = is64 ? word(h + 32) : u32(h + 16);
                    check(off, size, "note segment " + i);
                    xenNotes(off, size, notes);
                    continue;
                }
                if (u32(h) != PT_LOAD) continue;
                ElfSegment s = is64
                        ? new ElfSegment(word(h + 16), word(h + 24), word(h + 8), word(h + 32), word(h + 40), (int) u32(h + 4))
                        : new ElfSegment(u32(h + 8), u32(h + 12), u32(h + 4), u32(h + 16), u32(h + 20), (int) u32(h + 24));
                if (s.fileSize() > s.memSize())
                    throw bad("segment " + i + ": file size 0x" + Long.toHexString(s.fileSize()) + " exceeds memory size 0x"
                            + Long.toHexString(s.memSize()));
                if (s.memSize() < 0 || s.paddr() + s.memSize() < s.paddr())
                    throw bad("segment " + i + ": wraps around the address space");
                check(s.offset(), s.fileSize(), "segment " + i);
                segs.add(s);
            }
            if (segs.isEmpty()) throw bad("no PT_LOAD segment: nothing to load");
            Map<String, ElfSymbol> syms = shnum > 0 && shentsize >= (is64 ? 64 : 40) ? symbols(shoff, shnum, shentsize) : Map.of();
            return new ElfImage(source, bytes, cls, order, machine, entry, segs, syms, new XenElfNotes(notes, order));
        }

        /** The notes named "Xen" in one note segment: namesz, descsz, type, name and desc each padded to 4 bytes. */
        private void xenNotes(long off, long size, Map<Integer, byte[]> out) throws ElfException {
            long p = off, end = off + size;
            while (p + 12 <= end) {
                long namesz = u32(p), descsz = u32(p + 4), type = u32(p + 8);
                long name = p + 12, desc = name + ((namesz + 3) & ~3L), next = desc + ((descsz + 3) & ~3L);
                if (namesz > size || descsz > size || next > end)
                    throw bad("malformed note at offset 0x" + Long.toHexString(p) + ": it runs past its segment");
                if (namesz == 4 && bytes[(int) name] == 'X' && bytes[(int) name + 1] == 'e' && bytes[(int) name + 2] == 'n'
                        && bytes[(int) name + 3] == 0 && type <= Integer.MAX_VALUE)
                    out.putIfAbsent((int) type, Arrays.copyOfRange(bytes, (int) desc, (int) (desc + descsz)));
                p = next;
            }
        }

        /** .symtab and its string table; a damaged symbol table is an error, an absent one is not. */
        private Map<String, ElfSymbol> symbols(long shoff, int shnum, int shentsize) throws ElfException {
            check(shoff, (long) shnum * shentsize, "section header table");
            Map<String, ElfSymbol> out = new LinkedHashMap<>();
            for (int i = 0; i < shnum; i++) {
                long h = shoff + (long) i * shentsize;
                if (u32(h + 4) != SHT_SYMTAB) continue;
                long off = word(h + (is64 ? 24 : 16)), size = word(h + (is64 ? 32 : 20));
                int link = (int) u32(h + (is64 ? 40 : 24));
                long entsize = word(h + (is64 ? 56 : 36));
                if (link >= shnum) throw bad("symbol table links to section " + link + " of " + shnum);
                long sh = shoff + (long) link * shentsize;
                long stroff = word(sh + (is64 ? 24 : 16)), strsize = word(sh + (is64 ? 32 : 20));
                check(off, size, "symbol table");
                check(stroff, strsize, "string table");
                long minEnt = is64 ? 24 : 16;
                if (entsize < minEnt) throw bad("symbol entries of " + entsize + " bytes");
                for (long e = off; e + entsize <= off + size; e += entsize) {
                    long nameOff = u32(e);
                    long value = is64 ? word(e + 8) : u32(e + 4);
                    long sz = is64 ? word(e + 16) : u32(e + 8);
                    if (nameOff == 0 || nameOff >= strsize) continue;
                    String name = cString(stroff + nameOff, stroff + strsize);
                    out.putIfAbsent(name, new ElfSymbol(name, value, sz));
                }
            }
            return out;
        }

        private String cString(long from, long limit) {
            int end = (int) from;
            while (end < limit && bytes[end] != 0) end++;
            return new String(bytes, (int) from, end - (int) from, StandardCharsets.ISO_8859_1);
        }

        private void check(long off, long len, String what) throws ElfException {
            if (off < 0 || len < 0 || off > bytes.length || len > bytes.length - off)
                throw bad("truncated or malformed: " + what + " at offset 0x" + Long.toHexString(off) + " length 0x"
                        + Long.toHexString(len) + " lies outside the file (" + bytes.length + " bytes)");
        }

        private int u16(long off) throws ElfException { check(off, 2, "header field"); return buf.getShort((int) off) & 0xFFFF; }

        private long u32(long off) throws ElfException { check(off, 4, "header field"); return buf.getInt((int) off) & 0xFFFF_FFFFL; }

        private long word(long off) throws ElfException {
            if (!is64) return u32(off);
            check(off, 8, "header field");
            return buf.getLong((int) off);
        }
    }
}
