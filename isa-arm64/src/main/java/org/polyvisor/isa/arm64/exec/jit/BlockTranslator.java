package org.polyvisor.isa.arm64.exec.jit;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.constant.ClassDesc;
import java.util.EnumSet;
import java.util.Set;

import org.polyvisor.isa.arm64.decode.Op;
import org.polyvisor.isa.arm64.exec.FastForm;
import org.polyvisor.isa.arm64.exec.FastOp;
import org.polyvisor.spi.exec.jit.BlockMethodEmitter;

/**
 * Compiles a decoded block's {@link FastOp}s to a {@link TranslatedBlock} class with the JDK's ClassFile API, whose
 * two methods' code {@link MethodEmitter} writes: straight-line code doing what {@code BlockRunner} does for each fast
 * form, with the registers the block uses in JVM locals (read once on entry, every write also stored to the register
 * file, so an exit needs no write-back), NZCV in a local, constants folded in, and guest memory read and written in
 * place through the runner's TLB copy and {@link GuestAccess}'s var handles. A branch back into the block loops in
 * the method while the budget covers another pass. Translation stops before the first instruction it does not
 * handle (a GENERIC one other than the variable shifts and divisions, which it compiles from their decoded fields);
 * it and any failed fast path (TLB miss, page-crossing or SP-misaligned access) return to the runner with that
 * instruction not run ({@link TranslatedBlock#run}). {@link #generate} returns null when the first instruction
 * already cannot be translated.
 */
final class BlockTranslator {
    private BlockTranslator() { }

    private static final ClassDesc CD_TRANSLATED = ClassDesc.of(TranslatedBlock.class.getName());
    private static final ClassDesc CLASS = ClassDesc.of(BlockTranslator.class.getPackageName() + ".Block");
    private static final ClassFile CLASS_FILE = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.ofClassLoading(BlockTranslator.class.getClassLoader())));

    /** The class bytes translating {@code ops}, or null when its first op is not translatable. */
    static byte[] generate(FastOp[] ops) {
        int m = translatable(ops);
        if (m == 0) return null;
        return BlockMethodEmitter.translationClass(CLASS_FILE, CLASS, CD_TRANSLATED, MethodEmitter.MTD_RUN,
                (cb, bounded) -> new MethodEmitter(cb, ops, m, bounded));
    }

    /** How many ops from the start of the block the translator handles. */
    static int translatable(FastOp[] ops) {
        int m = 0;
        while (m < ops.length && handles(ops[m])) m++;
        return m;
    }

    /**
     * Every fast form, and among the GENERIC instructions those compiled C runs in hot loops and that cannot trap:
     * the variable shifts (CRC-32's loop) and the divisions.
     */
    private static boolean handles(FastOp o) {
        return o.form != FastForm.GENERIC || GENERIC_OPS.contains(o.insn.op);
    }

    private static final Set<Op> GENERIC_OPS = EnumSet.of(Op.LSLV, Op.LSRV, Op.ASRV, Op.RORV, Op.UDIV, Op.SDIV);
}
