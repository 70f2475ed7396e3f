package org.polyvisor.isa.ppc.decode;

/** Which part of the interpreter executes an instruction: the dispatch key of the run loop. */
public enum Unit { FIXED_POINT, ROTATE, LOAD_STORE, BRANCH, CONDITION, SYSTEM, FLOATING_POINT, VECTOR }
