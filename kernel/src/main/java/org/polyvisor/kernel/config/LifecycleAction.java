package org.polyvisor.kernel.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What happens when a domain shuts down (xl.cfg's on_poweroff, on_reboot, on_crash, on_watchdog), with xl's names. */
public enum LifecycleAction {
    /** The domain is destroyed and its memory freed. */
    DESTROY("destroy"),
    /** The domain is destroyed and a new one is built from the same config. */
    RESTART("restart"),
    /** Like restart, but the old domain is kept (renamed) for inspection. */
    RENAME_RESTART("rename-restart"),
    /** The domain is left in its shut-down state for inspection until destroyed. */
    PRESERVE("preserve");

    private final String xlName;

    LifecycleAction(String xlName) { this.xlName = xlName; }

    public String xlName() { return xlName; }

    /** The action for an xl name; null if xl has no such action, or we do not support it (the caller says which). */
    public static LifecycleAction ofXlName(String name) {
        for (LifecycleAction a : values()) if (a.xlName.equals(name.toLowerCase(Locale.ROOT))) return a;
        return null;
    }

    public static String supported() {
        return Arrays.stream(values()).map(LifecycleAction::xlName).collect(Collectors.joining(", "));
    }
}
