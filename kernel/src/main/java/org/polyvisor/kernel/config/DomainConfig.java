package org.polyvisor.kernel.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.polyvisor.spi.GuestType;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.BitSet;
import java.util.Locale;
import java.util.TreeMap;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * A validated domain configuration.
 *
 * @param isa      the ISA id, or null to take it from the kernel ELF's machine
 * @param kernel   the kernel image; a relative path in a file is resolved against the file's folder
 * @param warnings settings that were ignored, for the toolstack to show
 * @param platform settings for an HVM domain's board (e.g. {@code gic_version}, {@code firmware}), as written
 * @param onWatchdog what follows SHUTDOWN_watchdog (a SCHEDOP_watchdog timer that came due); xl's default is destroy
 */
public record DomainConfig(String name, GuestType type, String isa, Path kernel, long memoryMiB, int vcpus,
                           LifecycleAction onPoweroff, LifecycleAction onReboot, LifecycleAction onCrash,
                           String cmdline, List<String> warnings, SchedulingConfig scheduling,
                           Map<String, String> platform, LifecycleAction onWatchdog) {
    public static final int MAX_VCPUS = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Set<String> XEN_ACTIONS = Set.of("destroy", "restart", "rename-restart", "preserve",
            "coredump-destroy", "coredump-restart", "soft-reset");
    private static final Set<String> KNOWN = Set.of("name", "type", "isa", "kernel", "memory", "maxmem", "vcpus",
            "maxvcpus", "on_poweroff", "on_reboot", "on_crash", "on_watchdog", "cmdline", "extra", "builder",
            "cpu_weight", "cap", "cpus");
    /** xl.cfg settings that an HVM board reads through {@link PlatformHost#option}. */
    public static final Set<String> PLATFORM_KEYS = Set.of("gic_version", "firmware", "serial", "boot_protocol");

    public DomainConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(kernel, "kernel");
        warnings = List.copyOf(warnings);
        if (scheduling == null) scheduling = SchedulingConfig.DEFAULT;
        platform = platform == null ? Map.of() : Map.copyOf(platform);
        if (onWatchdog == null) onWatchdog = LifecycleAction.DESTROY;
    }

    /** A config whose on_watchdog is xl's default, destroy. */
    public DomainConfig(String name, GuestType type, String isa, Path kernel, long memoryMiB, int vcpus,
                        LifecycleAction onPoweroff, LifecycleAction onReboot, LifecycleAction onCrash,
                        String cmdline, List<String> warnings, SchedulingConfig scheduling, Map<String, String> platform) {
        this(name, type, isa, kernel, memoryMiB, vcpus, onPoweroff, onReboot, onCrash, cmdline, warnings, scheduling, platform,
                LifecycleAction.DESTROY);
    }

    /** The same config with another on_watchdog action. */
    public DomainConfig withOnWatchdog(LifecycleAction a) {
        return new DomainConfig(name, type, isa, kernel, memoryMiB, vcpus, onPoweroff, onReboot, onCrash, cmdline, warnings, scheduling, platform, a);
    }

    /** A config with no board settings. */
    public DomainConfig(String name, GuestType type, String isa, Path kernel, long memoryMiB, int vcpus,
                        LifecycleAction onPoweroff, LifecycleAction onReboot, LifecycleAction onCrash,
                        String cmdline, List<String> warnings, SchedulingConfig scheduling) {
        this(name, type, isa, kernel, memoryMiB, vcpus, onPoweroff, onReboot, onCrash, cmdline, warnings, scheduling, Map.of());
    }

    /** A config with the default scheduling parameters. */
    public DomainConfig(String name, GuestType type, String isa, Path kernel, long memoryMiB, int vcpus,
                        LifecycleAction onPoweroff, LifecycleAction onReboot, LifecycleAction onCrash,
                        String cmdline, List<String> warnings) {
        this(name, type, isa, kernel, memoryMiB, vcpus, onPoweroff, onReboot, onCrash, cmdline, warnings, SchedulingConfig.DEFAULT);
    }

    /** A config for a domain built in code (dom0, tests). */
    public static DomainConfig of(String name, String isa, Path kernel, long memoryMiB, int vcpus) {
        return new DomainConfig(name, GuestType.PV, isa, kernel, memoryMiB, vcpus, LifecycleAction.DESTROY,
                LifecycleAction.RESTART, LifecycleAction.DESTROY, "", List.of());
    }

    public DomainConfig withName(String newName) {
        return new DomainConfig(newName, type, isa, kernel, memoryMiB, vcpus, onPoweroff, onReboot, onCrash, cmdline, warnings, scheduling, platform, onWatchdog);
    }

    public static DomainConfig read(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read config " + file + ": " + describe(e));
        }
        Path dir = file.toAbsolutePath().getParent();
        return fromSettings(file.toString(), XlConfigParser.parse(file.toString(), text), dir);
    }

    public static DomainConfig parse(String source, String text, Path baseDir) throws ConfigException {
        return fromSettings(source, XlConfigParser.parse(source, text), baseDir);
    }

    static DomainConfig fromSettings(String src, Map<String, ConfigValue> s, Path baseDir) throws ConfigException {
        List<String> warnings = new ArrayList<>();
        for (var e : s.entrySet())
            if (!KNOWN.contains(e.getKey()) && !PLATFORM_KEYS.contains(e.getKey()))
                warnings.add(src + ":" + e.getValue().line() + ": setting '" + e.getKey() + "' is not supported and was ignored");
        String name = text(src, s, "name", null);
        if (name == null) throw new ConfigException(src + ": 'name' is required");
        if (!NAME.matcher(name).matches())
            throw at(src, s.get("name"), "name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        String typeText = text(src, s, "type", text(src, s, "builder", "pv"));
        GuestType type = switch (typeText.toLowerCase(Locale.ROOT)) {
            case "pv" -> GuestType.PV;
            case "hvm", "pvh" -> GuestType.HVM;
            default -> throw at(src, s.getOrDefault("type", s.get("builder")), "type '" + typeText + "' must be \"pv\" or \"hvm\"");
        };
        String isa = text(src, s, "isa", null);
        String kernelText = text(src, s, "kernel", null);
        if (kernelText == null) throw new ConfigException(src + ": 'kernel' is required");
        Path kernel = Path.of(kernelText);
        if (!kernel.isAbsolute() && baseDir != null) kernel = baseDir.resolve(kernel).normalize();
        long memory = number(src, s, "memory", 32);
        if (memory < 1 || memory > (1L << 20)) throw at(src, s.get("memory"), "memory must be 1 to 1048576 MiB, was " + memory);
        long vcpus = number(src, s, "vcpus", 1);
        if (vcpus < 1 || vcpus > MAX_VCPUS) throw at(src, s.get("vcpus"), "vcpus must be 1 to " + MAX_VCPUS + ", was " + vcpus);
        String cmdline = text(src, s, "cmdline", "");
        String extra = text(src, s, "extra", "");
        if (!extra.isEmpty()) cmdline = cmdline.isEmpty() ? extra : cmdline + " " + extra;
        long weight = number(src, s, "cpu_weight", 256);
        if (weight < 1 || weight > 65535) throw at(src, s.get("cpu_weight"), "cpu_weight must be 1 to 65535, was " + weight);
        long cap = number(src, s, "cap", 0);
        if (cap < 0 || cap > 100L * vcpus) throw at(src, s.get("cap"), "cap must be 0 (none) to " + 100 * vcpus + " (% of one pCPU), was " + cap);
        BitSet cpus = null;
        String cpusText = text(src, s, "cpus", null);
        if (cpusText != null) {
            try {
                cpus = SchedulingConfig.parseCpus(cpusText);
            } catch (IllegalArgumentException e) {
                throw at(src, s.get("cpus"), "cpus: " + e.getMessage());
            }
        }
        Map<String, String> platform = new TreeMap<>();
        for (String key : PLATFORM_KEYS) {
            ConfigValue v = s.get(key);
            if (v == null) continue;
            if (type != GuestType.HVM) warnings.add(src + ":" + v.line() + ": setting '" + key + "' only applies to type = \"hvm\" and was ignored");
            else platform.put(key, switch (v) {
                case ConfigValue.Text t -> t.value();
                case ConfigValue.Number n -> Long.toString(n.value());
                case ConfigValue.ListOf l -> throw at(src, v, key + " must be a string or a number, not a list");
            });
            // A firmware image is a file like the kernel: relative to the config's folder.
            if (key.equals("firmware") && platform.containsKey(key) && baseDir != null && !Path.of(platform.get(key)).isAbsolute())
                platform.put(key, baseDir.resolve(platform.get(key)).normalize().toString());
        }
        // xl's type = "pvh" is an HVM container entered the PVH way: the board is told so (x86: no Multiboot or firmware)
        if (typeText.equalsIgnoreCase("pvh")) platform.putIfAbsent("boot_protocol", "pvh");
        return new DomainConfig(name, type, isa, kernel, memory, (int) vcpus,
                action(src, s, "on_poweroff", LifecycleAction.DESTROY), action(src, s, "on_reboot", LifecycleAction.RESTART),
                action(src, s, "on_crash", LifecycleAction.DESTROY), cmdline, warnings,
                new SchedulingConfig((int) weight, (int) cap, cpus), platform, action(src, s, "on_watchdog", LifecycleAction.DESTROY));
    }

    private static LifecycleAction action(String src, Map<String, ConfigValue> s, String key, LifecycleAction dflt) throws ConfigException {
        String t = text(src, s, key, null);
        if (t == null) return dflt;
        LifecycleAction a = LifecycleAction.ofXlName(t);
        if (a != null) return a;
        if (XEN_ACTIONS.contains(t))
            throw at(src, s.get(key), key + " = \"" + t + "\" is not supported yet (supported: " + LifecycleAction.supported() + ")");
        throw at(src, s.get(key), key + " = \"" + t + "\" is not an action (one of: " + String.join(", ", XEN_ACTIONS.stream().sorted().toList()) + ")");
    }

    private static String text(String src, Map<String, ConfigValue> s, String key, String dflt) throws ConfigException {
        ConfigValue v = s.get(key);
        if (v == null) return dflt;
        if (v instanceof ConfigValue.Text t) return t.value();
        throw at(src, v, "'" + key + "' must be a string in quotes, not " + v.describe());
    }

    private static long number(String src, Map<String, ConfigValue> s, String key, long dflt) throws ConfigException {
        ConfigValue v = s.get(key);
        if (v == null) return dflt;
        if (v instanceof ConfigValue.Number n) return n.value();
        if (v instanceof ConfigValue.Text t) {
            try { return Long.parseLong(t.value().trim()); } catch (NumberFormatException e) { /* fall through */ }
        }
        throw at(src, v, "'" + key + "' must be a number, not " + v.describe());
    }

    private static ConfigException at(String src, ConfigValue v, String problem) {
        return v == null ? new ConfigException(src + ": " + problem) : ConfigException.at(src, v.line(), v.column(), problem);
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
