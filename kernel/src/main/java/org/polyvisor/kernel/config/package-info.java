/** Domain configuration in xl.cfg syntax: the parser (with line and column in every error) and the validated config. */
package org.polyvisor.kernel.config;
