package org.polyvisor.shell.session;

import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words as a POSIX shell would: blanks separate, quotes group, backslash escapes. */
public final class Words {
    private Words() { }

    /** The words of {@code line}; an unclosed quote is an {@link IllegalArgumentException}. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < line.length()) w.append(line.charAt(++i));
                else w.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(w.toString());
                w.setLength(0);
                inWord = false;
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (quote != 0) throw new IllegalArgumentException("unclosed " + (quote == '"' ? "double" : "single") + " quote");
        if (inWord) words.add(w.toString());
        return words;
    }
}
