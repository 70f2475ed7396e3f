/**
 * Privileged control of the hypervisor: domctl and sysctl operations behind one XSM-style policy check. The
 * toolstack (the monitor shell, acting as dom0) and guests (through hypercalls 35 and 36) use the same path.
 */
package org.polyvisor.kernel.control;
