/** The outbox, its SMTP sender, the email templates and the console notifications' storage. */
@NullMarked
package dev.portico.notifications.internal;

import org.jspecify.annotations.NullMarked;
