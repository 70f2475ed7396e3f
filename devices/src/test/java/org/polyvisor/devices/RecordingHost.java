package org.polyvisor.devices;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.platform.PlatformHost;
import java.nio.ByteOrder;

/** A PlatformHost that records what devices asked of it. */
final class RecordingHost implements PlatformHost {
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final List<String> events = new ArrayList<>();

    @Override public GuestMemory memory() { return new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, 4096); }
    @Override public long ramBase() { return 0; }
    @Override public long ramBytes() { return 4096; }
    @Override public int vcpuCount() { return 1; }
    @Override public Vcpu vcpu(int id) { throw new UnsupportedOperationException(); }
    @Override public void kick(int id) { events.add("kick " + id); }
    @Override public boolean startVcpu(int id, Consumer<Vcpu> init) { return false; }
    @Override public void stopVcpu(int id) { }
    @Override public boolean vcpuOnline(int id) { return id == 0; }
    @Override public void consoleOutput(byte[] bytes) { console.writeBytes(bytes); }
    @Override public void shutdown(ShutdownReason reason) { events.add("shutdown " + reason); }
    @Override public void exit(int code) { events.add("exit " + code); }
    @Override public long virtualNanos() { return 0; }
    @Override public String option(String key) { return null; }
    @Override public void logOnce(String key, String message) { events.add("log " + message); }
}
