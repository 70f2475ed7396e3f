package org.polyvisor.isa.x86.testing;

import static org.polyvisor.isa.x86.testing.VectorReplay.hex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.polyvisor.spi.IsaProvider;

/**
 * Replays conformance/native/muldiv.vectors (host-CPU MUL, IMUL, DIV, IDIV on rDX:rAX by rBX) on a vCPU and
 * compares rAX, rDX and the defined flags (CF and OF of the multiplies; none of the divides).
 */
public final class MulDivVectors {
    private MulDivVectors() { }

    private static final Map<String, Integer> DIGIT = Map.of("mul", 4, "imul", 5, "div", 6, "idiv", 7);

    /** rAX, rDX and the divisor/multiplier rBX before; rAX, rDX after, and the flags the SDM defines (mask). */
    private record Vector(String op, int size, long ax, long dx, long bx, long flagsIn, long axOut, long dxOut, long flagsOut,
            long mask) { }

    public static void check(IsaProvider isa, Path file) throws IOException {
        String p = VectorReplay.prefix(isa);
        VectorReplay.replay(isa, "mul/div vectors", VectorReplay.read(isa, file, f -> new Vector(f[0], Integer.parseInt(f[1]),
                hex(f[2]), hex(f[3]), hex(f[4]), hex(f[5]), hex(f[6]), hex(f[7]), hex(f[8]), hex(f[9]))), 400, 1,
                new VectorReplay.Replay<Vector>() {
            @Override public byte[] code(Vector v) {
                int digit = DIGIT.get(v.op());
                byte op = (byte) (v.size() == 1 ? 0xF6 : 0xF7), modrm = (byte) (0xC3 | digit << 3);
                return switch (v.size()) {
                    case 2 -> new byte[] {0x66, op, modrm};
                    case 8 -> new byte[] {0x48, op, modrm};
                    default -> new byte[] {op, modrm};
                };
            }

            @Override public void setUp(Machine m, Vector v) {
                m.cpu.setRegister(m.reg(p + "ax"), v.ax());
                m.cpu.setRegister(m.reg(p + "dx"), v.dx());
                m.cpu.setRegister(m.reg(p + "bx"), v.bx());
                m.cpu.setRegister(m.reg(p + "flags"), v.flagsIn());
            }

            @Override public String mismatch(Machine m, Vector v) {
                long mask = v.size() == 8 ? -1L : (1L << (8 * v.size())) - 1;
                long rax = m.cpu.register(m.reg(p + "ax")) & (v.size() == 1 ? 0xFFFF : mask);
                long rdx = v.size() == 1 ? 0 : m.cpu.register(m.reg(p + "dx")) & mask;
                long flags = m.cpu.register(m.reg(p + "flags"));
                if (rax == v.axOut() && rdx == v.dxOut() && ((flags ^ v.flagsOut()) & v.mask()) == 0) return null;
                return String.format("%s: expected rax=%x rdx=%x flags %x, got rax=%x rdx=%x flags %x", describe(v), v.axOut(),
                        v.dxOut(), v.flagsOut() & v.mask(), rax, rdx, flags & v.mask());
            }

            @Override public String describe(Vector v) {
                return String.format("%s%d rax=%x rdx=%x src=%x", v.op(), v.size() * 8, v.ax(), v.dx(), v.bx());
            }
        });
    }
}
