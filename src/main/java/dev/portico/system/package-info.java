/**
 * Shared kernel: error handling (RFC 9457 and console), input rules, the acting caller, audit event
 * contract, clock. Imports no feature module.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.portico.system;

import org.jspecify.annotations.NullMarked;
