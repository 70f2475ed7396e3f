package org.polyvisor.images;

import java.nio.file.Files;
import java.nio.file.Path;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.xenstore.DeviceDirectories;
import org.polyvisor.kernel.xenstore.XsError;

/** A hypervisor for split-driver pairs: domains from the split-* images, and the toolstack's device_add between them. */
final class SplitRig implements AutoCloseable {
    static final String DEVICE = "polyvisor-echo";

    private final Hypervisor hypervisor;

    SplitRig(int pcpuCount) { hypervisor = Guests.hypervisor(pcpuCount); }

    /** Creates a domain from images/guests/<isa>/<image>.cfg, with {@code cmdline} in place of the config's when not null. */
    Domain create(String isa, String image, String cmdline) throws Exception {
        Path cfg = Guests.config(isa, image);
        String text = Files.readString(cfg);
        if (cmdline != null) text = text.replaceAll("(?m)^cmdline\\s*=.*$", "") + "\ncmdline = \"" + cmdline + "\"\n";
        return hypervisor.create(DomainConfig.parse(cfg.toString(), text, cfg.getParent()));
    }

    /** The frontend's device directory. */
    static String frontendPath(int front) { return DeviceDirectories.frontend(DEVICE, front, 0); }

    /** The backend's directory for that frontend. */
    static String backendPath(int back, int front) { return DeviceDirectories.backend(DEVICE, back, front, 0); }

    /** libxl's device_add for device 0 of {@code front} served by {@code back} (which need not exist). */
    void addDevice(int front, int back) {
        try {
            hypervisor.addDevice(DEVICE, front, back, 0);
        } catch (XsError.XsException e) {
            throw new IllegalStateException("toolstack write refused: " + e.getMessage(), e);
        }
    }

    /** A node's value as dom0 reads it, or null. */
    String read(String path) {
        try {
            return hypervisor.xenstoreRead(path);
        } catch (XsError.XsException e) {
            return null;
        }
    }

    /** Every node under /local/domain, for failure messages. */
    String dump() {
        try {
            return String.join("\n", hypervisor.xenstoreList("/local/domain"));
        } catch (XsError.XsException e) {
            return "/local/domain: " + e.getMessage();
        }
    }

    /** Waits (bounded) until every domain is gone, as on_poweroff = "destroy" makes them; returns whether they are. */
    boolean awaitNoDomains(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!hypervisor.domains().isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
        return hypervisor.domains().isEmpty();
    }

    long framesInUse() { return hypervisor.backedFrames(); }

    @Override
    public void close() { hypervisor.close(); }
}
