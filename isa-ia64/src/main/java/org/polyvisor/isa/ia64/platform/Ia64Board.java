package org.polyvisor.isa.ia64.platform;

import java.util.List;
import org.polyvisor.devices.TestFinisher;
import org.polyvisor.devices.Uart16550;
import org.polyvisor.isa.ia64.Ia64BootProtocol;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.platform.DeviceWindow;
import org.polyvisor.spi.platform.IrqLine;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * The {@code type = "hvm"} board of the ia64 backend ("polyvisor,ia64-hvm"): RAM from guest-physical 0, and
 * <pre>
 *   0xF0000000  0x100    NS16550A UART (registers 1 byte apart), interrupt: external vector 0x31 on CPU 0
 *   0xF0001000  0x100    power-off register (devices.TestFinisher: 0x5555 pass, 0x3333|code&lt;&lt;16 fail, 0x7777 reset)
 * </pre>
 * Every other address outside RAM reads all ones. Interrupts reach the CPUs through their external interrupt
 * interface (SDM rev 2.3 vol 2 part I 5.8): the UART's level line makes vector {@value #UART_VECTOR} pending in
 * CPU 0's IRR when it rises (as an I/O SAPIC redirection entry in edge mode would), for the guest to take through
 * the External Interrupt vector (0x3000), cr.ivr and cr.eoi; the interval timer (ar.itc, cr.itm, cr.itv) is each
 * CPU's own. ar.itc counts the domain's virtual nanoseconds.
 * <p>Boot: there is no firmware (no PAL, SAL or EFI): CPU 0 starts at the ELF entry as the firmware would leave an
 * OS loader, in physical mode at privilege level 0 with PSR.ic = PSR.i = 0 and an empty register frame, with
 * r28 = 0 (no start_info), r29 = the usable RAM's size in bytes and r30 = the UART's address.
 */
public final class Ia64Board implements Platform {
    public static final long UART = 0xf000_0000L, POWER_OFF = 0xf000_1000L;
    public static final int UART_VECTOR = 0x31;
    public static final int RAM_SIZE_REGISTER = 29, UART_REGISTER = 30;

    private final PlatformHost host;
    private final Uart16550 uart;
    private final List<DeviceWindow> windows;
    private boolean uartLine;

    public Ia64Board(PlatformHost host) {
        this.host = host;
        this.uart = new Uart16550(host::consoleOutput, line(UART_VECTOR));
        this.windows = List.of(
                DeviceWindow.mmio("serial@f0000000", UART, 0x100, uart),
                DeviceWindow.mmio("poweroff@f0001000", POWER_OFF, 0x100, new TestFinisher(host)));
    }

    /** A level line that makes {@code vector} pending on CPU 0 on each rising edge. */
    private IrqLine line(int vector) {
        return asserted -> {
            boolean rise;
            synchronized (this) {
                rise = asserted && !uartLine;
                uartLine = asserted;
            }
            if (!rise) return;
            host.vcpu(0).raiseInterrupt(vector);
            host.kick(0);
        };
    }

    @Override public List<DeviceWindow> windows() { return windows; }

    @Override public void consoleInput(byte[] bytes) { uart.receive(bytes); }

    @Override
    public String describe() {
        return String.format("ia64-hvm: RAM 0x%x-0x%x, 16550 UART 0x%x (vector 0x%x), power-off 0x%x",
                host.ramBase(), host.ramBase() + host.ramBytes() - 1, UART, UART_VECTOR, POWER_OFF);
    }

    @Override
    public void boot(Vcpu vcpu, BootInfo info) {
        new Ia64BootProtocol().boot(vcpu, info);
        vcpu.setRegister(RAM_SIZE_REGISTER, info.ramBytes());
        vcpu.setRegister(UART_REGISTER, UART);
    }
}
