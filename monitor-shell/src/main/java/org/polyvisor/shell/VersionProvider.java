package org.polyvisor.shell;

import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.hypercall.XenVersion;
import picocli.CommandLine;

/** {@code polyvisor --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"polyvisor " + Hypervisor.VERSION + " (Xen " + XenVersion.MAJOR + "." + XenVersion.MINOR
                + " interface, Java " + Runtime.version().feature() + ")"};
    }
}
