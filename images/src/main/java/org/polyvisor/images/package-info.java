/** The guest images that ship with Polyvisor: dom0 kernels per ISA and the test and demo guests with their configs. */
package org.polyvisor.images;
