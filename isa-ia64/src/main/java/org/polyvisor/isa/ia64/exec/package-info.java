/** The ia64 vCPU: bundle fetch through the soft TLB, the decoded-bundle cache, the slot-by-slot run loop, and data access. */
package org.polyvisor.isa.ia64.exec;
