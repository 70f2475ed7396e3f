package org.polyvisor.shell;

import picocli.CommandLine;

/** An address option: hex with 0x, or decimal. */
final class AddressConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.strip().replace("_", "");
        try {
            long a = v.startsWith("0x") || v.startsWith("0X") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseLong(v);
            if (a < 0 && !(v.startsWith("0x") || v.startsWith("0X"))) throw new NumberFormatException();
            return a;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not an address (hex with 0x, or decimal)");
        }
    }
}
