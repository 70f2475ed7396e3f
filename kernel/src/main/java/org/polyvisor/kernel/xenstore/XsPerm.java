package org.polyvisor.kernel.xenstore;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a node's permission list, in xenstore's text form: a letter (r read, w write, b both, n none)
 * and a domain id, e.g. "n0" or "r5". The first entry names the owner (who may do anything) and the access of
 * every domain not listed after it.
 */
public record XsPerm(char access, int domid) {
    public XsPerm {
        if ("rwbn".indexOf(access) < 0) throw new IllegalArgumentException("permission must be r, w, b or n: " + access);
    }

    public boolean canRead() { return access == 'r' || access == 'b'; }

    public boolean canWrite() { return access == 'w' || access == 'b'; }

    @Override
    public String toString() { return access + Integer.toString(domid); }

    /** Parses "n0", "r5"...; null when the text is not a permission. */
    public static XsPerm parse(String s) {
        if (s.length() < 2 || "rwbn".indexOf(s.charAt(0)) < 0) return null;
        try {
            int d = Integer.parseInt(s.substring(1));
            return d < 0 || d > 0xFFFF ? null : new XsPerm(s.charAt(0), d);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Parses a whole list; null if any entry is bad or the list is empty. */
    public static List<XsPerm> parseAll(List<String> entries) {
        List<XsPerm> out = new ArrayList<>();
        for (String e : entries) {
            XsPerm p = parse(e);
            if (p == null) return null;
            out.add(p);
        }
        return out.isEmpty() ? null : out;
    }
}
