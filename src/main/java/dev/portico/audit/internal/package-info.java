/** Storage, recording and redaction of audit entries; only the audit module uses it. */
@NullMarked
package dev.portico.audit.internal;

import org.jspecify.annotations.NullMarked;
