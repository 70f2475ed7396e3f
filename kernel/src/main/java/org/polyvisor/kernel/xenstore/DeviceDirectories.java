package org.polyvisor.kernel.xenstore;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The toolstack's half of a split device, as libxl's device_add writes it: the frontend's directory
 * {@code /local/domain/<front>/device/<type>/<devid>} (backend, backend-id, state) owned by the frontend and readable
 * by the backend, and the backend's {@code /local/domain/<back>/backend/<type>/<front>/<devid>} (frontend,
 * frontend-id, state) owned by the backend and readable by the frontend. Both start in XenbusStateInitialising (1);
 * the drivers take it from there.
 */
public final class DeviceDirectories {
    /** XenbusStateInitialising. */
    public static final String INITIALISING = "1";

    private DeviceDirectories() { }

    public static String frontend(String type, int front, int devid) {
        return XenStore.domainPath(front) + "/device/" + type + "/" + devid;
    }

    public static String backend(String type, int back, int front, int devid) {
        return XenStore.domainPath(back) + "/backend/" + type + "/" + front + "/" + devid;
    }

    /** Writes both directories as dom0 (whose transactions and permission checks the store applies). */
    public static void add(XenStore xs, String type, int front, int back, int devid) throws XsError.XsException {
        if (type.isEmpty() || type.contains("/")) throw new IllegalArgumentException("bad device type '" + type + "'");
        String fe = frontend(type, front, devid), be = backend(type, back, front, devid);
        List<XsPerm> frontOwns = List.of(new XsPerm('n', front), new XsPerm('r', back));
        List<XsPerm> backOwns = List.of(new XsPerm('n', back), new XsPerm('r', front));
        write(xs, fe + "/backend", be, frontOwns);
        write(xs, fe + "/backend-id", Integer.toString(back), frontOwns);
        write(xs, fe + "/state", INITIALISING, frontOwns);
        xs.setPerms(0, 0, fe, frontOwns);
        xs.setPerms(0, 0, XenStore.domainPath(front) + "/device/" + type, frontOwns);
        write(xs, be + "/frontend", fe, backOwns);
        write(xs, be + "/frontend-id", Integer.toString(front), backOwns);
        write(xs, be + "/state", INITIALISING, backOwns);
        String typeDir = XenStore.domainPath(back) + "/backend/" + type;
        for (String p : List.of(be, typeDir + "/" + front, typeDir, XenStore.domainPath(back) + "/backend"))
            xs.setPerms(0, 0, p, backOwns);
    }

    private static void write(XenStore xs, String path, String value, List<XsPerm> perms) throws XsError.XsException {
        xs.write(0, 0, path, value.getBytes(StandardCharsets.US_ASCII));
        xs.setPerms(0, 0, path, perms);
    }
}
