package org.polyvisor.kernel.config;

import java.util.List;

/** A value of an xl.cfg setting, with where it was written. */
public sealed interface ConfigValue {
    int line();

    int column();

    record Text(String value, int line, int column) implements ConfigValue { }

    record Number(long value, int line, int column) implements ConfigValue { }

    record ListOf(List<ConfigValue> items, int line, int column) implements ConfigValue {
        public ListOf { items = List.copyOf(items); }
    }

    default String describe() {
        return switch (this) {
            case Text t -> "a string";
            case Number n -> "a number";
            case ListOf l -> "a list";
        };
    }
}
