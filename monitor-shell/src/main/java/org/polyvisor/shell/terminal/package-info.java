/**
 * Where the monitor shell meets a user: the interactive JLine console (line editing, history, completion, raw
 * keys for an attached domain console) and the plain loop that reads commands from piped standard input.
 */
package org.polyvisor.shell.terminal;
