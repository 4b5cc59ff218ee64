/** My account → Notifications, the bell in the console's header and Operator → Outbox. */
@NullMarked
package dev.portico.notifications.web;

import org.jspecify.annotations.NullMarked;
