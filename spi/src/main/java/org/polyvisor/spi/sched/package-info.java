/** The kernel's scheduling SPI: a {@link org.polyvisor.spi.sched.Scheduler} is a service, so others can be plugged in. */
package org.polyvisor.spi.sched;
