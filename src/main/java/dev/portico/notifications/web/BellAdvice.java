package dev.portico.notifications.web;

import dev.portico.accounts.Actors;
import dev.portico.accounts.ConsoleUser;
import dev.portico.notifications.internal.ConsoleNotifications;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the header's bell (NOT-2: the signed-in user's unread notifications) into every console
 * page's model. The count is read only when the page renders the header, once: a redirect, a REST
 * answer or an htmx fragment costs no query, a page one indexed {@code COUNT}.
 */
@ControllerAdvice(annotations = Controller.class)
class BellAdvice {

  private final ConsoleNotifications notifications;

  BellAdvice(ConsoleNotifications notifications) {
    Assert.notNull(notifications, "notifications cannot be null");
    this.notifications = notifications;
  }

  @ModelAttribute("bell")
  @Nullable Bell bell() {
    ConsoleUser me = Actors.currentConsoleUser();
    return me == null ? null : new Bell(notifications, me.userId());
  }

  /** The unread count, read from the database on first use. */
  static final class Bell {

    private final ConsoleNotifications notifications;
    private final UUID userId;
    private int unread = -1;

    Bell(ConsoleNotifications notifications, UUID userId) {
      this.notifications = notifications;
      this.userId = userId;
    }

    public int getUnread() {
      if (unread < 0) {
        unread = notifications.unread(userId);
      }
      return unread;
    }

    /** The count as the badge shows it: {@code 99+} beyond 99. */
    public String getLabel() {
      int n = getUnread();
      return n >= ConsoleNotifications.UNREAD_CAP ? "99+" : Integer.toString(n);
    }
  }
}
