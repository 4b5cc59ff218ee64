package dev.portico.applications.web;

import dev.portico.accounts.User;
import dev.portico.applications.ExternalAccess;
import dev.portico.applications.ExternalApplication;
import dev.portico.system.NotFound;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's side of granting External access (APP-6, OAU-5). Spring's OAuth 2 client filters
 * answer first: a Grant the user may give is redirected to the app's server before it gets here,
 * and the server's answer is exchanged for tokens at the callback, which the filter then opens
 * again without parameters. What reaches this controller is therefore:
 *
 * <ul>
 *   <li>a Grant the user may not give, or of an app without (usable) External OAuth: 404;
 *   <li>the callback without parameters after a completed exchange: back to My account →
 *       Applications, saying so;
 *   <li>the callback with {@code error}: the server (or the exchange) refused; said so;
 *   <li>the callback with {@code code} or {@code state}: an answer to no authorization request of
 *       this session (a missing or wrong {@code state}): refused, nothing exchanged or stored.
 * </ul>
 */
@Controller
class ExternalAccessController {

  static final String MY_APPLICATIONS = "/my/applications";

  /** RFC 6749 error codes are ASCII words; anything else is not repeated back. */
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final ExternalAccess access;

  ExternalAccessController(ExternalAccess access) {
    Assert.notNull(access, "access cannot be null");
    this.access = access;
  }

  @GetMapping("/my/external-access/{appId}/grant")
  String refuseGrant(User me, @PathVariable String appId) {
    throw new NotFound("Application");
  }

  @GetMapping("/external-oauth/callback/{appId}")
  String showGrantResult(
      User me,
      @PathVariable String appId,
      @RequestParam(required = false) @Nullable String error,
      @RequestParam(required = false) @Nullable String code,
      @RequestParam(required = false) @Nullable String state,
      RedirectAttributes redirect) {
    UUID id = applicationId(appId);
    if (error != null) {
      String said = ERROR_CODE.matcher(error).matches() ? " (" + error + ")" : "";
      redirect.addFlashAttribute(
          "externalError",
          "External access was not granted: the application's server refused" + said + ".");
    } else if (code != null || state != null) {
      redirect.addFlashAttribute(
          "externalError",
          "Portico refused an answer that matches no grant you started here: nothing was stored."
              + " Grant External access again from this page.");
    } else {
      granted(me, id)
          .ifPresent(
              g ->
                  redirect.addFlashAttribute(
                      "flash",
                      g.name()
                          + " now has External access: Portico can reach its server for you."));
    }
    return "redirect:" + MY_APPLICATIONS;
  }

  /** The app's name only for the user who granted it: a forged id names nothing. */
  private Optional<ExternalApplication> granted(User me, UUID applicationId) {
    return access.grants(me.id()).stream().filter(g -> g.id().equals(applicationId)).findFirst();
  }

  private static UUID applicationId(String appId) {
    try {
      return UUID.fromString(appId);
    } catch (IllegalArgumentException e) {
      throw new NotFound("Application");
    }
  }
}
