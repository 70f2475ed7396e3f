/** Bundle decoding: the template table and the mask/match slot table that turns slots into {@code insn} objects. */
package org.polyvisor.isa.ia64.decode;
