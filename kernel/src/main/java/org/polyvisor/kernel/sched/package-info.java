/** pCPU threads and the schedulers they ask for work. */
package org.polyvisor.kernel.sched;
