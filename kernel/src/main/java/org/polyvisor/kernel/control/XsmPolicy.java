package org.polyvisor.kernel.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.file.NoSuchFileException;

/**
 * Who may do which control operation: dom0 may do all; any other domain nothing, unless the policy file grants
 * it by name. File syntax, one rule a line ({@code #} comments):
 * <pre>allow &lt;domain-name&gt; &lt;op&gt; [&lt;op&gt;...]</pre>
 * where op is a domctl or sysctl name such as {@code getdomaininfo}, {@code pausedomain}, {@code physinfo}, or {@code *}.
 */
public final class XsmPolicy {
    private final Map<String, Set<String>> grants;

    private XsmPolicy(Map<String, Set<String>> grants) { this.grants = grants; }

    /** dom0 only. */
    public static XsmPolicy dom0Only() { return new XsmPolicy(Map.of()); }

    public static XsmPolicy read(Path file) throws PolicyException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new PolicyException("cannot read XSM policy " + file + ": " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        }
        return parse(file.toString(), lines);
    }

    public static XsmPolicy parse(String source, List<String> lines) throws PolicyException {
        Map<String, Set<String>> g = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) continue;
            String[] w = line.split("\\s+");
            if (!w[0].equals("allow") || w.length < 3)
                throw new PolicyException(source + ":" + (i + 1) + ": expected 'allow <domain-name> <op>...', found '" + line + "'");
            for (int k = 2; k < w.length; k++) {
                if (!w[k].equals("*") && !ControlOp.known(w[k]))
                    throw new PolicyException(source + ":" + (i + 1) + ": unknown operation '" + w[k] + "' (known: " + ControlOp.names() + ")");
                g.computeIfAbsent(w[1], n -> new HashSet<>()).add(w[k]);
            }
        }
        return new XsmPolicy(g);
    }

    /** The one check: may domain {@code callerId} named {@code callerName} perform {@code op}? */
    public boolean allows(int callerId, String callerName, ControlOp op) {
        if (callerId == 0) return true;
        Set<String> ops = grants.get(callerName);
        return ops != null && (ops.contains("*") || ops.contains(op.xenName()));
    }

    /** A policy file that cannot be used. */
    public static final class PolicyException extends Exception {
        public PolicyException(String message) { super(message); }
    }
}
