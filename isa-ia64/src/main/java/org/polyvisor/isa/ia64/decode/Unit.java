package org.polyvisor.isa.ia64.decode;

/** Execution unit types of a slot (SDM vol 3, table 4-1); A-type instructions run on M and I units. */
public enum Unit { M, I, F, B, L, X }
