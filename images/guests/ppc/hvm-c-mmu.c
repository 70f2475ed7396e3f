/* hvm-c-mmu: the 7400's MMU from C. BATs map the low 16 MiB 1:1 and a 128 KiB block at 0x30000000; a 64 KiB
 * hashed page table at 0x200000 maps segment 4 pages through primary and secondary PTEGs, with R set by a load and
 * C by a store; unmapped and read-only pages take the DSI with DAR/DSISR, unmapped fetches the ISI with SRR0/SRR1.
 * Nothing is printed while translation is on (the UART is not mapped then). */
#include "hvm.h"

#define HTAB 0x200000u

static inline void translation(int on) { mtmsr(on ? MSR_ME | MSR_IR | MSR_DR : MSR_ME); }

/* The PTE pair of segment 4 (VSID 4) page `page` in the primary (h = 0) or secondary PTEG of its hash. */
static void map(u32 vsid, u32 page, u32 rpn, u32 pp, int secondary) {
    u32 hash = (vsid & 0x7ffff) ^ page;
    if (secondary) hash = ~hash;
    volatile u32 *pte = (volatile u32 *) (HTAB + ((hash & 0x3ff) << 6));
    while (pte[0] & 0x80000000u) pte += 2;
    pte[1] = rpn << 12 | pp;
    pte[0] = 0x80000000u | vsid << 7 | (secondary ? 0x40 : 0) | (page >> 10);
}

static volatile u32 *pte_of(u32 vsid, u32 page) {
    volatile u32 *pte = (volatile u32 *) (HTAB + ((((vsid & 0x7ffff) ^ page) & 0x3ff) << 6));
    return pte;
}

int main(void) {
    hvm_install_vectors();
    hvm_puts("ppc hvm C mmu: BATs, hashed page table, DSI, ISI\n");
    mtspr(528, 0x1fe); mtspr(529, 2);                         /* IBAT0: 16 MiB at 0 */
    mtspr(536, 0x1fe); mtspr(537, 2);                         /* DBAT0 */
    mtspr(538, 0x30000002); mtspr(539, 0x00400002);           /* DBAT1: 128 KiB 0x30000000 -> 0x400000 */
    for (u32 *p = (u32 *) HTAB; p < (u32 *) (HTAB + 0x10000); p++) *p = 0;
    mtspr(25, HTAB);                                          /* SDR1: 64 KiB */
    mtsr(4, 0x20000004);                                      /* Kp = 1, VSID 4 */
    map(4, 0, 0x500, 2, 0);
    map(4, 1, 0x501, 2, 1);
    map(4, 4, 0x504, 3, 0);
    *(volatile u32 *) 0x500100 = 0x3860004d;                  /* li r3, 77 */
    *(volatile u32 *) 0x500104 = 0x4e800020;                  /* blr */
    __asm__ volatile("sync; isync" : : : "memory");

    translation(1);
    *(volatile u32 *) 0x30000010 = 0x12345678;
    (void) *(volatile u32 *) 0x40000000;
    u32 after_load = pte_of(4, 0)[1];
    *(volatile u32 *) 0x40000020 = 0xcafef00d;
    *(volatile u32 *) 0x40001040 = 0xfeedface;
    int fetched = ((int (*)(void)) 0x40000100)();
    translation(0);
    hvm_check(rd32(0x400010) == 0x12345678, "DBAT1: a store at 0x30000010 lands at 0x400010");
    hvm_check((after_load & 0x180) == 0x100, "HTAB: a load sets R and leaves C clear");
    hvm_check((pte_of(4, 0)[1] & 0x180) == 0x180, "HTAB: a store sets C");
    hvm_check(rd32(0x500020) == 0xcafef00d, "HTAB primary PTEG: 0x40000020 is 0x500020");
    hvm_check(rd32(0x501040) == 0xfeedface, "HTAB secondary PTEG: 0x40001040 is 0x501040");
    hvm_check(fetched == 77, "HTAB: instructions fetched through a page-table mapping");

    translation(1);
    (void) *(volatile u32 *) 0x40002000;
    translation(0);
    hvm_check(hvm_dsi[0] == 0x40002000 && hvm_dsi[1] == 0x40000000, "DSI on a load from an unmapped page: DAR, DSISR");
    translation(1);
    *(volatile u32 *) 0x40004008 = 1;
    translation(0);
    hvm_check(hvm_dsi[0] == 0x40004008 && hvm_dsi[1] == 0x0a000000, "DSI on a store to a read-only page: DAR, DSISR");
    hvm_check(hvm_dsi[2] == 2, "two DSIs in all");

    translation(1);
    ((void (*)(void)) 0x40003000)();
    translation(0);
    hvm_check(hvm_isi[0] == 0x40003000 && (hvm_isi[1] & 0x40000000), "ISI on a fetch from an unmapped page: SRR0, SRR1");
    return 0;
}
