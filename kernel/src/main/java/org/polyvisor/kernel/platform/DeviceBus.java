package org.polyvisor.kernel.platform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.polyvisor.spi.platform.AddressSpace;
import org.polyvisor.spi.platform.DeviceWindow;
import org.polyvisor.spi.platform.Platform;

/**
 * One domain's MMIO and port buses: the board's windows sorted by base, found by binary search. A device that
 * throws on a guest access is a backend bug; the bus lets it propagate so the domain, not the host, crashes.
 */
public final class DeviceBus {
    /** What an access that hits no device did, for the caller's log line. */
    public interface Unclaimed {
        void log(AddressSpace space, long address, boolean write);
    }

    private final DeviceWindow[] mmio;
    private final DeviceWindow[] ports;
    private final Unclaimed unclaimed;

    public DeviceBus(Platform platform, Unclaimed unclaimed) {
        this.mmio = sorted(platform.windows(), AddressSpace.MMIO);
        this.ports = sorted(platform.windows(), AddressSpace.PORT);
        this.unclaimed = unclaimed;
    }

    private static DeviceWindow[] sorted(List<DeviceWindow> all, AddressSpace space) {
        List<DeviceWindow> ws = new ArrayList<>();
        for (DeviceWindow w : all) if (w.space() == space) ws.add(w);
        ws.sort(Comparator.comparingLong(DeviceWindow::base));
        for (int i = 1; i < ws.size(); i++)
            if (ws.get(i - 1).base() + ws.get(i - 1).length() > ws.get(i).base())
                throw new IllegalArgumentException("device windows overlap: " + ws.get(i - 1).name() + " and " + ws.get(i).name());
        return ws.toArray(DeviceWindow[]::new);
    }

    /** Whether a device answers at this guest-physical address. */
    public boolean claimsMmio(long gpa) { return find(mmio, gpa) != null; }

    public long read(AddressSpace space, long address, int size) {
        DeviceWindow w = find(space == AddressSpace.MMIO ? mmio : ports, address);
        if (w == null) {
            unclaimed.log(space, address, false);
            return size >= 8 ? -1L : (1L << (8 * size)) - 1;
        }
        return w.device().read(address - w.base(), size) & (size >= 8 ? -1L : (1L << (8 * size)) - 1);
    }

    public void write(AddressSpace space, long address, int size, long value) {
        DeviceWindow w = find(space == AddressSpace.MMIO ? mmio : ports, address);
        if (w == null) {
            unclaimed.log(space, address, true);
            return;
        }
        w.device().write(address - w.base(), size, value);
    }

    private static DeviceWindow find(DeviceWindow[] ws, long address) {
        int lo = 0, hi = ws.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            DeviceWindow w = ws[mid];
            if (address < w.base()) hi = mid - 1;
            else if (address - w.base() >= w.length()) lo = mid + 1;
            else return w;
        }
        return null;
    }
}
