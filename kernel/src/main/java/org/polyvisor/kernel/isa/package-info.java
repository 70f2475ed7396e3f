/** Finding the ISA backends on the class path (ServiceLoader) and naming them in errors. */
package org.polyvisor.kernel.isa;
