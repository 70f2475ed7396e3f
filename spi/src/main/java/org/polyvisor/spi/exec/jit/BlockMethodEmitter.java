package org.polyvisor.spi.exec.jit;

import static java.lang.constant.ConstantDescs.INIT_NAME;
import static java.lang.constant.ConstantDescs.MTD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.function.BiFunction;

/**
 * The shape every ISA's translated block shares, so that the translators write only their instructions: a class
 * extending the ISA's translated-block class with two methods of one type, {@code run} and {@code runBounded} (the
 * same code with the budget checked before every instruction, for budgets shorter than the block), and in each method
 * a label per instruction (the targets of branches within the block), the translated instructions in order, and after
 * them one exit per instruction index that something jumps to. The ISA supplies the prologue, each instruction and
 * each exit ("return with instruction k not run").
 */
public abstract class BlockMethodEmitter {
    protected final CodeBuilder cb;
    /** The block's length and how many of its instructions, from the start, are translated. */
    protected final int len, m;
    private final boolean bounded;
    private final int extraSlot, budgetSlot;
    private final Label[] at, stop;
    private boolean reachable = true;

    /**
     * @param extraSlot  the int local holding the instructions retired by earlier passes of an in-block loop
     * @param budgetSlot the int local holding the budget
     */
    protected BlockMethodEmitter(CodeBuilder cb, int len, int m, boolean bounded, int extraSlot, int budgetSlot) {
        this.cb = cb;
        this.len = len;
        this.m = m;
        this.bounded = bounded;
        this.extraSlot = extraSlot;
        this.budgetSlot = budgetSlot;
        this.at = new Label[len + 1];
        this.stop = new Label[len + 1];
        for (int k = 0; k <= len; k++) at[k] = cb.newLabel();
    }

    /** Emits the whole method. */
    public final void emit() {
        prologue();
        for (int k = 0; k < m; k++) {
            cb.labelBinding(at[k]);
            reachable = true;
            if (bounded) {
                // Retired so far (extra + k) has reached the budget: stop before instruction k.
                cb.iload(extraSlot).loadConstant(k).iadd().iload(budgetSlot).if_icmpge(stop(k));
            }
            op(k);
        }
        if (reachable) cb.goto_(stop(m));
        for (int k = 0; k <= len; k++) {
            if (stop[k] == null) continue;
            cb.labelBinding(stop[k]);
            stopExit(k);
        }
    }

    /** Loads what the instructions need into locals. */
    protected abstract void prologue();

    /** Instruction {@code k}. */
    protected abstract void op(int k);

    /** Exit {@code k}, at its label: return with instruction k not run ({@code k == len}: the block ran to its end). */
    protected abstract void stopExit(int k);

    /** The exit before instruction {@code k}, made on first use. */
    public final Label stop(int k) {
        if (stop[k] == null) stop[k] = cb.newLabel();
        return stop[k];
    }

    /** The label of instruction {@code k}. */
    public final Label at(int k) { return at[k]; }

    /** Whether this is the bounded method. */
    public final boolean bounded() { return bounded; }

    /** The code emitted last does not fall through (a branch always taken, a return). */
    public final void unreachable() { reachable = false; }

    /**
     * The bytes of class {@code name}: a final subclass of {@code superclass} (whose no-argument constructor it calls)
     * with {@code run} and {@code runBounded} of type {@code type}, emitted by {@code emitter} (given the code builder
     * and whether the method is the bounded one).
     */
    public static byte[] translationClass(ClassFile classFile, ClassDesc name, ClassDesc superclass, MethodTypeDesc type,
                                          BiFunction<CodeBuilder, Boolean, BlockMethodEmitter> emitter) {
        return classFile.build(name, cls -> cls
                .withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)
                .withSuperclass(superclass)
                .withMethodBody(INIT_NAME, MTD_void, ClassFile.ACC_PUBLIC,
                        cb -> cb.aload(0).invokespecial(superclass, INIT_NAME, MTD_void).return_())
                .withMethodBody("run", type, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
                        cb -> emitter.apply(cb, false).emit())
                .withMethodBody("runBounded", type, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL,
                        cb -> emitter.apply(cb, true).emit()));
    }
}
