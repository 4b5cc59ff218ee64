package dev.portico.extensions.web;

import dev.portico.extensions.internal.ExtensionRows;
import dev.portico.extensions.internal.IconPolicy;
import dev.portico.system.NotFound;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * An extension's icon (EXT-6), for any signed-in console user: the product shows it wherever the
 * extension appears, and the id is unguessable. It is served as a document of its own that can do
 * nothing: a policy that allows no script, no request and no plugin (only the inline styles an SVG
 * may carry), no content sniffing, shown inline under a fixed file name, cached privately and
 * revalidated by ETag ({@code If-None-Match} answers 304, by Spring MVC's {@code ResponseEntity}
 * handling).
 *
 * <p>The console chain's {@code ContentSecurityPolicyHeaderWriter} writes its policy only when the
 * response has none, and its cache headers only when the response has no {@code Cache-Control}; the
 * headers set here win (ExtensionIconControllerTests proves it over real HTTP).
 */
@Controller
class ExtensionIconController {

  /** The icon's own policy: nothing but the styles inside the SVG. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

  /** Private: the icon is served to signed-in users only; an hour, then revalidated by ETag. */
  static final String CACHE_CONTROL = "private, max-age=3600";

  private final ExtensionRows extensions;

  ExtensionIconController(ExtensionRows extensions) {
    Assert.notNull(extensions, "extensions cannot be null");
    this.extensions = extensions;
  }

  @GetMapping("/extensions/{extId}/icon")
  ResponseEntity<byte[]> showIcon(@PathVariable String extId) {
    ExtensionRows.Icon icon =
        extensions.icon(parse(extId)).orElseThrow(ExtensionIconController::noIcon);
    String fileName = IconPolicy.SVG_TYPE.equals(icon.type()) ? "icon.svg" : "icon.png";
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(icon.type()))
        .eTag(etag(icon.bytes()))
        .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(fileName).build().toString())
        .body(icon.bytes());
  }

  /** A forged id that is no UUID is just another unknown id. */
  private static UUID parse(String extId) {
    try {
      return UUID.fromString(extId);
    } catch (IllegalArgumentException e) {
      throw noIcon();
    }
  }

  private static NotFound noIcon() {
    return new NotFound("Extension icon");
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
