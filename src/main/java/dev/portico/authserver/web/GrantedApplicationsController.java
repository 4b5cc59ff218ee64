package dev.portico.authserver.web;

import dev.portico.accounts.User;
import dev.portico.applications.ExternalAccess;
import dev.portico.applications.ExternalApplication;
import dev.portico.authserver.GrantLists;
import dev.portico.authserver.GrantableApplication;
import dev.portico.authserver.UserGrant;
import dev.portico.authserver.UserGrants;
import dev.portico.system.Actor;
import dev.portico.system.Htmx;
import dev.portico.system.NotFound;
import dev.portico.system.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * My account → Applications (OAU-5): the applications the signed-in user granted ("Platform
 * access", with scopes in the words of OAU-4 and dates), each with Revoke behind a confirmation
 * that names the app and Grant when the app has an OAuth URL; the apps assigned to the user that
 * they have not granted yet, with Grant only; and "External access" (APP-6): the apps whose own
 * server the user let Portico reach for them ({@link ExternalAccess}), each with Revoke, and the
 * apps they may use that have External OAuth, with Grant. Every user sees only their own grants:
 * any other application id is 404 and changes nothing.
 */
@Controller
@RequestMapping(GrantedApplicationsController.BASE)
class GrantedApplicationsController {

  static final String BASE = "/my/applications";
  static final int PAGE_SIZE = 25;

  /** How many assigned, not yet granted apps the page offers (by name); it says how many more. */
  static final int ASSIGNED_SHOWN = 50;

  private final GrantLists lists;
  private final UserGrants grants;
  private final ExternalAccess external;

  GrantedApplicationsController(GrantLists lists, UserGrants grants, ExternalAccess external) {
    Assert.notNull(lists, "lists cannot be null");
    Assert.notNull(grants, "grants cannot be null");
    Assert.notNull(external, "external cannot be null");
    this.lists = lists;
    this.grants = grants;
    this.external = external;
  }

  /** The page, or only the grants table for an htmx request. */
  @GetMapping
  String listApplications(
      User me,
      @RequestParam(defaultValue = "0") int page,
      HttpServletRequest request,
      Model model) {
    String here = pageUrl(request);
    ResultPage<UserGrant> granted = lists.granted(me.id(), new ResultPage.Request(page, PAGE_SIZE));
    model.addAttribute(
        "grants", granted.map(g -> new AppRow(g.application(), g, link(g.application(), here))));
    if (!Htmx.isPartial(request)) {
      model.addAttribute(
          "assigned",
          lists
              .assignedNotGranted(me, new ResultPage.Request(0, ASSIGNED_SHOWN))
              .map(a -> new AppRow(a, null, link(a, here))));
      model.addAttribute("external", external.grants(me.id()));
      model.addAttribute(
          "externalOffers",
          external.grantable(me).stream()
              .map(a -> new ExternalOffer(a, external.grantPath(a.id())))
              .toList());
    }
    model.addAttribute("base", BASE);
    return Htmx.view(request, "authserver/my-applications", "grants");
  }

  /** The confirmation naming the app: a page, or only its panel for an htmx request. */
  @GetMapping("/{appId}/revoke")
  String confirmRevocation(
      User me, @PathVariable String appId, HttpServletRequest request, Model model) {
    UserGrant grant =
        lists.granted(me.id(), applicationId(appId)).orElseThrow(() -> new NotFound("Grant"));
    model.addAttribute("grant", grant);
    model.addAttribute("base", BASE);
    return Htmx.view(request, "authserver/grant-revoke", "confirm");
  }

  @PostMapping("/{appId}/revoke")
  String processRevocation(
      User me, Actor actor, @PathVariable String appId, RedirectAttributes redirect) {
    UserGrant revoked = grants.revoke(actor, me, applicationId(appId));
    redirect.addFlashAttribute(
        "flash",
        revoked.application().name()
            + " can no longer access your account: every token it held has stopped working.");
    return "redirect:" + BASE;
  }

  /** The confirmation naming the app whose External access ends. */
  @GetMapping("/external/{appId}/revoke")
  String confirmExternalRevocation(
      User me, @PathVariable String appId, HttpServletRequest request, Model model) {
    UUID id = applicationId(appId);
    ExternalApplication grant =
        external.grants(me.id()).stream()
            .filter(g -> g.id().equals(id))
            .findFirst()
            .orElseThrow(() -> new NotFound("Grant"));
    model.addAttribute("grant", grant);
    model.addAttribute("base", BASE);
    return Htmx.view(request, "authserver/external-revoke", "confirm");
  }

  @PostMapping("/external/{appId}/revoke")
  String processExternalRevocation(
      User me, Actor actor, @PathVariable String appId, RedirectAttributes redirect) {
    ExternalApplication revoked = external.revoke(actor, me, applicationId(appId));
    redirect.addFlashAttribute(
        "flash",
        "Portico no longer holds access to "
            + revoked.name()
            + "'s server for you: the tokens it kept are deleted.");
    return "redirect:" + BASE;
  }

  /** An app the user may grant External access, with the console path that starts the grant. */
  record ExternalOffer(ExternalApplication app, String grantPath) {}

  /**
   * A line of either list.
   *
   * @param grant the user's grant, {@code null} for an app assigned to them they have not granted
   * @param grantUrl the Grant button's link, {@code null} when the app has no OAuth URL
   */
  record AppRow(GrantableApplication app, @Nullable UserGrant grant, @Nullable String grantUrl) {}

  private static @Nullable String link(GrantableApplication app, String here) {
    return GrantLinks.grant(app.oauthUrl(), here);
  }

  /** The absolute URL of this page, where the app sends the user back after granting. */
  private static String pageUrl(HttpServletRequest request) {
    return ServletUriComponentsBuilder.fromContextPath(request).path(BASE).toUriString();
  }

  /** A forged or malformed id is a grant the user does not hold: 404, like any other. */
  private static UUID applicationId(String appId) {
    try {
      return UUID.fromString(appId);
    } catch (IllegalArgumentException e) {
      throw new NotFound("Grant");
    }
  }
}
