/** Domains: building them from a config and a kernel image, their vCPUs, states and shutdown. */
package org.polyvisor.kernel.domain;
