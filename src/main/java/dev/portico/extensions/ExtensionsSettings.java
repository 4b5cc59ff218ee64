package dev.portico.extensions;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the extensions module.
 *
 * @param actions how Portico calls the GET and POST actions of extensions (EXT-4)
 */
@ConfigurationProperties("portico.extensions")
public record ExtensionsSettings(@DefaultValue Actions actions) {

  /**
   * How Portico calls an extension's action URL for a user (EXT-4).
   *
   * @param allowPrivateAddresses whether an action may reach a loopback, private, link-local,
   *     unique-local, CGNAT, multicast or unspecified address: off in production, so that an app's
   *     action URL cannot make Portico call its own network (SSRF); on for local development
   * @param timeout how long one action call may take in all, redirects and reading the answer
   *     included (EXT-4: 180 s)
   * @param connectTimeout how long opening a connection may take
   * @param maxResponseBytes the largest answer read; a larger one is refused while it streams
   * @param maxRedirects how many redirects to the same host are followed (never to another host)
   */
  public record Actions(
      @DefaultValue("false") boolean allowPrivateAddresses,
      @DefaultValue("180s") Duration timeout,
      @DefaultValue("10s") Duration connectTimeout,
      @DefaultValue("1MB") DataSize maxResponseBytes,
      @DefaultValue("5") int maxRedirects) {}
}
