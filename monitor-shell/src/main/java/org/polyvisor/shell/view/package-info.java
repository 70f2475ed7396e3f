/**
 * Text the user reads: the {@code list}, {@code isa} and {@code info} tables and the one-line form of every error.
 * Pure functions from kernel values to strings, so they are tested without a terminal.
 */
package org.polyvisor.shell.view;
