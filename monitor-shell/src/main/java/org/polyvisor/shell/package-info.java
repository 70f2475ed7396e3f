/**
 * The {@code polyvisor} launcher: its command line (picocli) with the subcommands {@code run}, {@code isa} and
 * {@code disasm}, booting the hypervisor with dom0, and the exit codes. The interactive console lives in
 * {@link org.polyvisor.shell.session} (what the commands do) and {@link org.polyvisor.shell.terminal} (JLine).
 */
package org.polyvisor.shell;
