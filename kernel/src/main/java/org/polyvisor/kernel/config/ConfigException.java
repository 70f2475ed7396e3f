package org.polyvisor.kernel.config;

/** A configuration that cannot be used, with file, line and column where the text is at fault. */
public final class ConfigException extends Exception {
    public ConfigException(String message) { super(message); }

    static ConfigException at(String source, int line, int column, String problem) {
        return new ConfigException(source + ":" + line + ":" + column + ": " + problem);
    }
}
