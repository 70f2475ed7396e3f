/**
 * The monitor shell's commands, independent of any terminal: a {@link org.polyvisor.shell.session.ShellSession}
 * takes a booted hypervisor, writers and a key source, and executes one line at a time (parsed by picocli). Also
 * how a domain's console is followed ({@link org.polyvisor.shell.session.ConsoleStream}), shared with
 * {@code polyvisor run}.
 */
package org.polyvisor.shell.session;
