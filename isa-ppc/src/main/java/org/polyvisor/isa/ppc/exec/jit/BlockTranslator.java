package org.polyvisor.isa.ppc.exec.jit;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.constant.ClassDesc;

import org.polyvisor.isa.ppc.exec.BlockOps;
import org.polyvisor.spi.exec.jit.BlockMethodEmitter;

/**
 * Compiles a decoded block's packed ops ({@link BlockOps}, the block runner's form) to a {@link TranslatedBlock}
 * class with the JDK's ClassFile API, whose two methods' code {@link MethodEmitter} writes: straight-line code doing
 * what the block runner does for each fast code, with the GPRs the block names in JVM locals (read once on entry,
 * every write also stored to the register file, so an exit needs no write-back), constants folded in, and guest
 * memory read and written in place through the runner's TLB copy. A branch back into the block loops in the method
 * while the budget covers another pass. Translation stops before the first op it does not handle (GENERIC, or a code
 * it does not know); {@link #generate} returns null when that is the first.
 */
final class BlockTranslator {
    private BlockTranslator() { }

    private static final ClassDesc CD_TRANSLATED = ClassDesc.of(TranslatedBlock.class.getName());
    private static final ClassDesc CLASS = ClassDesc.of(BlockTranslator.class.getPackageName() + ".Block");
    private static final ClassFile CLASS_FILE = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.ofClassLoading(BlockTranslator.class.getClassLoader())));

    /** The class bytes translating {@code ops}, or null when its first op is not translatable. */
    static byte[] generate(long[] ops) {
        int m = translatable(ops);
        if (m == 0) return null;
        return BlockMethodEmitter.translationClass(CLASS_FILE, CLASS, CD_TRANSLATED, MethodEmitter.MTD_RUN,
                (cb, bounded) -> new MethodEmitter(cb, ops, m, bounded));
    }

    /** How many ops from the start of the block the translator handles. */
    static int translatable(long[] ops) {
        int m = 0;
        while (m < ops.length && MethodEmitter.handles((int) ops[m] & 0xff)) m++;
        return m;
    }
}
