/**
 * Xen's hypercall interface with Xen's numbers, structures and error values: the dispatcher and one class per
 * hypercall (multicall runs its entries back through the dispatcher, with continuations where Xen preempts). Every
 * guest pointer is translated by the guest's MMU and checked against the domain's memory.
 */
package org.polyvisor.kernel.hypercall;
