/**
 * Notifications (NOT-1, NOT-2, USE-5): listens to the events of the other modules, writes one email
 * per recipient into its durable outbox and one in-console notification, and delivers the emails
 * over SMTP with retries. It only listens: no module imports it.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
    allowedDependencies = {"system", "accounts", "applications", "usage", "store"})
package dev.portico.notifications;

import org.jspecify.annotations.NullMarked;
