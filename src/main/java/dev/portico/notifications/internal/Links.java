package dev.portico.notifications.internal;

import dev.portico.accounts.AccountsSettings;
import dev.portico.notifications.NotificationsSettings;
import org.springframework.stereotype.Component;

/** Absolute console links for emails: {@code portico.notifications.base-url} + a console path. */
@Component
class Links {

  private final String base;

  Links(NotificationsSettings settings, AccountsSettings accounts) {
    String configured = settings.baseUrl().strip();
    String chosen = configured.isEmpty() ? "https://" + accounts.publicHost() : configured;
    this.base = chosen.endsWith("/") ? chosen.substring(0, chosen.length() - 1) : chosen;
  }

  /** The absolute URL of a console path such as {@code /my/invitations}. */
  String absolute(String path) {
    return base + path;
  }
}
