package org.polyvisor.kernel.elf;

/** One PT_LOAD program header: file bytes [offset, offset+fileSize) go to physical address paddr, zero-filled to memSize. */
public record ElfSegment(long vaddr, long paddr, long offset, long fileSize, long memSize, int flags) {
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;
}
