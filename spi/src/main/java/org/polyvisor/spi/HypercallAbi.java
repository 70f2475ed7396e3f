package org.polyvisor.spi;

import java.util.List;

/**
 * Where a hypercall's op, arguments and result live, as register numbers of {@link IsaProvider#registers()}.
 * The kernel reads and writes these; the ISA only reports {@link VcpuExit.Hypercall}.
 *
 * @param instruction the instruction as the guest writes it, for messages ("int $0x82", "hvc #0xea1")
 */
public record HypercallAbi(String instruction, int opRegister, List<Integer> argumentRegisters, int resultRegister) {
    public HypercallAbi {
        argumentRegisters = List.copyOf(argumentRegisters);
        if (argumentRegisters.size() < 5)
            throw new IllegalArgumentException("Xen hypercalls take five arguments; got " + argumentRegisters.size());
    }
}
