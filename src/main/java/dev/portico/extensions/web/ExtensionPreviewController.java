package dev.portico.extensions.web;

import dev.portico.accounts.User;
import dev.portico.applications.ApplicationPlace;
import dev.portico.applications.ApplicationPlaces;
import dev.portico.extensions.internal.ExtensionPreviews;
import dev.portico.extensions.internal.PreviewPage;
import dev.portico.system.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The Preview of an app's extensions (issue 10, item 8), for its managers and editors: each
 * extension at a mock of its location, resolved with sample values the developer may edit.
 *
 * <p>The page frames the extensions' own pages, so it sends its own {@code
 * Content-Security-Policy}: the console's, with {@code frame-src} set to exactly the framed
 * origins. Spring Security's header writer leaves a policy the response already has in place. An
 * htmx update that would frame an origin the page's policy does not name is answered with {@code
 * HX-Redirect} to the full page, so the browser loads it with the new policy.
 */
@Controller
class ExtensionPreviewController {

  private final ApplicationPlaces places;
  private final ExtensionPreviews previews;

  ExtensionPreviewController(ApplicationPlaces places, ExtensionPreviews previews) {
    Assert.notNull(places, "places cannot be null");
    Assert.notNull(previews, "previews cannot be null");
    this.places = places;
    this.previews = previews;
  }

  @GetMapping("/developer/oauth-applications/{appId}/extensions/preview")
  String showPreview(
      User me,
      @PathVariable UUID appId,
      @RequestParam Map<String, String> parameters,
      @RequestParam(name = "frameOrigins", required = false) @Nullable String shownOrigins,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    ApplicationPlace place = places.forEditor(me, appId);
    PreviewPage page = previews.page(place.app(), me, server(), request.getLocale(), parameters);
    response.setHeader("Content-Security-Policy", page.contentSecurityPolicy());
    if (Htmx.isPartial(request) && shownOrigins != null && !page.framesOnly(shownOrigins)) {
      response.setHeader("HX-Redirect", fullPage(page));
    }
    model.addAttribute("place", place);
    model.addAttribute("previews", page);
    return Htmx.isPartial(request)
        ? "extensions/preview :: preview(previews=${previews})"
        : "extensions/preview";
  }

  /** Portico's base URL as this request reached it: the {@code server} default parameter. */
  private static String server() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
  }

  /** The preview page with these sample values, for a full load. */
  private static String fullPage(PreviewPage page) {
    StringBuilder url = new StringBuilder(page.action());
    char separator = '?';
    for (PreviewPage.SampleField s : page.samples()) {
      url.append(separator).append(s.key()).append('=');
      url.append(URLEncoder.encode(s.value(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return url.toString();
  }
}
