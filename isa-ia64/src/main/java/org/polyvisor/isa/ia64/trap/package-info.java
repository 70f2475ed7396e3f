/**
 * Itanium interruptions: the IVT offsets (Vector), delivery with interruption collection and register banks
 * (Interruptions, with the "installed" policy: cr.iva written), the break hypercall (BreakPolicy), and external
 * interrupts with the interval timer, cr.ivr / cr.eoi / cr.tpr (ExternalInterrupts).
 */
package org.polyvisor.isa.ia64.trap;
