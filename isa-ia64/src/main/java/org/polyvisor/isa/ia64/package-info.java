/** The ia64 (Itanium) backend: its provider, register numbering and boot protocol; the rest lives in sub-packages. */
package org.polyvisor.isa.ia64;
