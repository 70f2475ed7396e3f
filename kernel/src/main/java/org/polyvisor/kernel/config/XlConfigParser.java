package org.polyvisor.kernel.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The xl.cfg grammar: {@code KEY = VALUE} settings separated by newlines or semicolons, where a value is a
 * double- or single-quoted string (C escapes in double quotes), an integer (decimal or 0x hex), or a bracketed
 * list of values that may span lines; {@code KEY += VALUE} appends to a list or string; {@code #} starts a comment.
 */
public final class XlConfigParser {
    private final String source;
    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private XlConfigParser(String source, String text) {
        this.source = source;
        this.text = text;
    }

    /** The settings in order of first appearance; a later setting of a key replaces an earlier one, as in xl. */
    public static Map<String, ConfigValue> parse(String source, String text) throws ConfigException {
        return new XlConfigParser(source, text).settings();
    }

    private Map<String, ConfigValue> settings() throws ConfigException {
        Map<String, ConfigValue> out = new LinkedHashMap<>();
        while (true) {
            skipBlanks(true);
            if (pos >= text.length()) return out;
            char c = text.charAt(pos);
            if (c == ';') { pos++; continue; }
            int kl = line, kc = column();
            if (!isKeyStart(c)) throw error("expected a setting name, found " + show(c));
            int start = pos;
            while (pos < text.length() && isKeyPart(text.charAt(pos))) pos++;
            String key = text.substring(start, pos);
            skipBlanks(false);
            boolean append = false;
            if (pos + 1 < text.length() && text.charAt(pos) == '+' && text.charAt(pos + 1) == '=') { append = true; pos += 2; }
            else if (pos < text.length() && text.charAt(pos) == '=') pos++;
            else throw error("expected '=' after '" + key + "', found " + here());
            skipBlanks(false);
            if (pos >= text.length() || text.charAt(pos) == '\n' || text.charAt(pos) == '#' || text.charAt(pos) == ';')
                throw error("expected a value after '=', found " + here());
            ConfigValue v = value();
            if (append && out.containsKey(key)) v = appended(key, out.get(key), v, kl, kc);
            out.put(key, v);
            skipBlanks(false);
            if (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != ';')
                throw error("expected the end of the line after the value of '" + key + "', found " + here());
        }
    }

    private ConfigValue appended(String key, ConfigValue old, ConfigValue add, int l, int c) throws ConfigException {
        if (old instanceof ConfigValue.ListOf a && add instanceof ConfigValue.ListOf b) {
            List<ConfigValue> items = new ArrayList<>(a.items());
            items.addAll(b.items());
            return new ConfigValue.ListOf(items, a.line(), a.column());
        }
        if (old instanceof ConfigValue.Text a && add instanceof ConfigValue.Text b)
            return new ConfigValue.Text(a.value() + b.value(), a.line(), a.column());
        throw ConfigException.at(source, l, c, "'+=' cannot append " + add.describe() + " to " + old.describe() + " ('" + key + "')");
    }

    private ConfigValue value() throws ConfigException {
        int l = line, c = column();
        char ch = text.charAt(pos);
        if (ch == '"' || ch == '\'') return new ConfigValue.Text(string(ch), l, c);
        if (ch == '[') {
            pos++;
            List<ConfigValue> items = new ArrayList<>();
            while (true) {
                skipBlanks(true);
                if (pos >= text.length()) throw ConfigException.at(source, l, c, "list is not closed with ']'");
                if (text.charAt(pos) == ']') { pos++; return new ConfigValue.ListOf(items, l, c); }
                items.add(value());
                skipBlanks(true);
                if (pos >= text.length()) throw ConfigException.at(source, l, c, "list is not closed with ']'");
                if (text.charAt(pos) == ',') { pos++; continue; }
                if (pos < text.length() && text.charAt(pos) == ']') continue;
                throw error("expected ',' or ']' in the list, found " + here());
            }
        }
        if (ch == '-' || Character.isDigit(ch)) return number(l, c);
        throw error("expected a value (a \"string\", a number or a [list]), found " + show(ch));
    }

    private ConfigValue number(int l, int c) throws ConfigException {
        int start = pos;
        if (text.charAt(pos) == '-') pos++;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)))) pos++;
        String s = text.substring(start, pos);
        try {
            boolean neg = s.startsWith("-");
            String body = neg ? s.substring(1) : s;
            long v = body.startsWith("0x") || body.startsWith("0X") ? Long.parseLong(body.substring(2), 16) : Long.parseLong(body);
            return new ConfigValue.Number(neg ? -v : v, l, c);
        } catch (NumberFormatException e) {
            throw ConfigException.at(source, l, c, "'" + s + "' is not a number (strings need quotes)");
        }
    }

    private String string(char quote) throws ConfigException {
        int l = line, c = column();
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n')
                throw ConfigException.at(source, l, c, "string is not closed with " + quote);
            char ch = text.charAt(pos++);
            if (ch == quote) return sb.toString();
            if (ch == '\\' && quote == '"' && pos < text.length()) {
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case '\\', '"', '\'' -> sb.append(e);
                    default -> throw ConfigException.at(source, line, column() - 2, "unknown escape \\" + e + " in a string");
                }
            } else sb.append(ch);
        }
    }

    /** Skips spaces, tabs, comments and (when {@code newlines}) line ends. */
    private void skipBlanks(boolean newlines) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') pos++;
            else if (c == '#') { while (pos < text.length() && text.charAt(pos) != '\n') pos++; }
            else if (c == '\n' && newlines) { pos++; line++; lineStart = pos; }
            else return;
        }
    }

    private int column() { return pos - lineStart + 1; }

    private ConfigException error(String problem) { return ConfigException.at(source, line, column(), problem); }

    private String here() { return pos >= text.length() ? "the end of the file" : show(text.charAt(pos)); }

    private static String show(char c) { return c == '\n' ? "the end of the line" : "'" + c + "'"; }

    private static boolean isKeyStart(char c) { return Character.isLetter(c) || c == '_'; }

    private static boolean isKeyPart(char c) { return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-'; }
}
