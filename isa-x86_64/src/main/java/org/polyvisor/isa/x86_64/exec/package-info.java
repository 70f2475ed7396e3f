/** The x86_64 vCPU: the x86 interpreter run in long mode. */
package org.polyvisor.isa.x86_64.exec;
