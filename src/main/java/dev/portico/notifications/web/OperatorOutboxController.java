package dev.portico.notifications.web;

import dev.portico.accounts.AccountAccess;
import dev.portico.accounts.User;
import dev.portico.notifications.internal.Outbox;
import dev.portico.notifications.internal.OutboxEmail;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Operator → Outbox (NOT-2): every email of the outbox, newest first, with its state, tries and
 * last error, and each one's HTML source and text shown as text (never rendered: they hold values
 * users typed). The console chain refuses {@code /operator/**} to non-operators; each handler
 * checks again against the database (404).
 */
@Controller
@RequestMapping("/operator/outbox")
class OperatorOutboxController {

  private static final int PAGE_SIZE = 50;

  private final Outbox outbox;
  private final AccountAccess access;
  private final ObjectProvider<JavaMailSender> mail;

  OperatorOutboxController(
      Outbox outbox, AccountAccess access, ObjectProvider<JavaMailSender> mail) {
    Assert.notNull(outbox, "outbox cannot be null");
    Assert.notNull(access, "access cannot be null");
    this.outbox = outbox;
    this.access = access;
    this.mail = mail;
  }

  @GetMapping
  String showOutbox(User me, @RequestParam(defaultValue = "0") int page, Model model) {
    access.requireOperator(me.id());
    ResultPage<OutboxEmail> emails = outbox.page(new ResultPage.Request(page, PAGE_SIZE));
    model.addAttribute("emails", emails);
    model.addAttribute("smtp", mail.getIfAvailable() != null);
    return "notifications/outbox";
  }

  @GetMapping("/{emailId}")
  String showEmail(User me, @PathVariable UUID emailId, Model model) {
    access.requireOperator(me.id());
    model.addAttribute("email", outbox.find(emailId).orElseThrow(() -> new NotFound("Email")));
    return "notifications/outbox-email";
  }
}
