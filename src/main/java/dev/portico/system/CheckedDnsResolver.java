package dev.portico.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves the host of a call Portico makes to a URL a user configured (extension actions, External
 * OAuth token endpoints) and refuses it when any of its addresses is not public ({@link
 * AddressPolicy}), unless private addresses are allowed. HttpClient connects to exactly the
 * addresses returned here, so a name that resolves to a public address when checked and to a
 * private one when connected (DNS rebinding) cannot pass: there is no second lookup. IP literals
 * ({@code 127.0.0.1}, {@code [::ffff:10.0.0.1]}) come through here too and are judged the same.
 */
public final class CheckedDnsResolver implements DnsResolver {

  private final boolean allowPrivateAddresses;

  public CheckedDnsResolver(boolean allowPrivateAddresses) {
    this.allowPrivateAddresses = allowPrivateAddresses;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = InetAddress.getAllByName(host);
    if (!allowPrivateAddresses) {
      for (InetAddress address : addresses) {
        var refusal = AddressPolicy.refusal(address);
        if (refusal.isPresent()) {
          throw new AddressRefused(host, address, refusal.get());
        }
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
  }

  /**
   * The host resolved to an address actions may not reach. An {@link UnknownHostException} so that
   * HttpClient passes it through unchanged, before any connection is opened.
   */
  public static final class AddressRefused extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    private final String host;
    private final String address;
    private final String reason;

    AddressRefused(String host, InetAddress address, String reason) {
      super(host + " is " + reason);
      this.host = host;
      this.address = address.getHostAddress();
      this.reason = reason;
    }

    /** The host as the URL named it, lower case. */
    public String host() {
      return host.toLowerCase(Locale.ROOT);
    }

    /** The refused address, for the operator's log (not for the user: it may be internal). */
    public String address() {
      return address;
    }

    public String reason() {
      return reason;
    }
  }
}
