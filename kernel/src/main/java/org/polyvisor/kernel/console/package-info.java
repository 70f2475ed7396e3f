/** Each domain's console buffer, and the hypervisor's own log (what {@code dmesg} shows). */
package org.polyvisor.kernel.console;
