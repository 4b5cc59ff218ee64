package dev.portico.notifications.web;

import dev.portico.accounts.User;
import dev.portico.notifications.internal.ConsoleNotification;
import dev.portico.notifications.internal.ConsoleNotifications;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My account → Notifications (NOT-2): the signed-in user's notifications, newest first, with "mark
 * read" for one or all. Another user's notification answers 404.
 */
@Controller
@RequestMapping("/my/notifications")
class MyNotificationsController {

  private static final int PAGE_SIZE = 25;

  private final ConsoleNotifications notifications;
  private final Clock clock;

  MyNotificationsController(ConsoleNotifications notifications, Clock clock) {
    Assert.notNull(notifications, "notifications cannot be null");
    this.notifications = notifications;
    this.clock = clock;
  }

  @GetMapping
  String showNotifications(User me, @RequestParam(defaultValue = "0") int page, Model model) {
    ResultPage<ConsoleNotification> found =
        notifications.page(me.id(), new ResultPage.Request(page, PAGE_SIZE));
    model.addAttribute("notifications", found);
    return "notifications/my-notifications";
  }

  @PostMapping("/{notificationId}/read")
  String processMarkRead(@PathVariable UUID notificationId, User me) {
    if (!notifications.markRead(me.id(), notificationId, clock.instant())) {
      throw new NotFound("Notification");
    }
    return "redirect:/my/notifications";
  }

  @PostMapping("/read")
  String processMarkAllRead(User me, RedirectAttributes redirect) {
    int marked = notifications.markAllRead(me.id(), clock.instant());
    redirect.addFlashAttribute(
        "flash",
        marked == 1 ? "1 notification marked read." : marked + " notifications marked read.");
    return "redirect:/my/notifications";
  }
}
