/**
 * Domains: building them from a config and a kernel image in one step, or empty (XEN_DOMCTL_createdomain) for a
 * toolstack to fill through hypercalls and introduce at their first unpause; their vCPUs, states and shutdown.
 */
package org.polyvisor.kernel.domain;
