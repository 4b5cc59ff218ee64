package dev.portico.authserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The Grant link (OAU-5): the app's OAuth URL with {@code redirectOnshapeUri} appended. Decoded
 * with the JDK's own {@link URI} and {@link URLDecoder}, not with the code under test.
 */
class GrantLinksTests {

  private static final String HERE = "https://portico.example/my/applications?a=1&b=2";

  @Test
  void returnAddressIsAppendedAsOneEncodedValue() {
    String link = GrantLinks.grant("https://app.example.com/start", HERE);

    assertThat(link)
        .isEqualTo(
            "https://app.example.com/start?redirectOnshapeUri="
                + "https%3A%2F%2Fportico.example%2Fmy%2Fapplications%3Fa%3D1%26b%3D2");
    assertThat(parameter(link)).isEqualTo(HERE);
  }

  @Test
  void theAppsOwnQueryIsKeptAsItIs() {
    assertThat(GrantLinks.grant("https://app.example.com/start?x=a%20b&y=2", HERE))
        .startsWith("https://app.example.com/start?x=a%20b&y=2&redirectOnshapeUri=https%3A");
    assertThat(GrantLinks.grant("https://app.example.com/start?", HERE))
        .startsWith("https://app.example.com/start?redirectOnshapeUri=");
    assertThat(GrantLinks.grant("https://app.example.com/start?x=1&", HERE))
        .startsWith("https://app.example.com/start?x=1&redirectOnshapeUri=");
  }

  @Test
  void aFragmentStaysAtTheEnd() {
    String link = GrantLinks.grant("https://app.example.com/start?x=1#top", HERE);

    assertThat(link).endsWith("#top").contains("?x=1&redirectOnshapeUri=https%3A");
    assertThat(URI.create(link).getFragment()).isEqualTo("top");
  }

  @Test
  void noLinkWithoutAWebUrl() {
    assertThat(GrantLinks.grant(null, HERE)).isNull();
    assertThat(GrantLinks.grant("javascript:alert(1)", HERE)).isNull();
    assertThat(GrantLinks.grant("data:text/html,hi", HERE)).isNull();
    assertThat(GrantLinks.grant("HTTPS://APP.EXAMPLE.COM/", HERE)).isNotNull();
  }

  private static String parameter(String link) {
    for (String pair : URI.create(link).getRawQuery().split("&")) {
      if (pair.startsWith("redirectOnshapeUri=")) {
        return URLDecoder.decode(pair.substring(19), StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError("no redirectOnshapeUri in " + link);
  }
}
