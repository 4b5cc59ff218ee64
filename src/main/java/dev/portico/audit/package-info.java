/** Audit trail (AUD-1): records every auditable change with its transaction and shows the log. */
@NullMarked
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"system", "accounts"})
package dev.portico.audit;

import org.jspecify.annotations.NullMarked;
