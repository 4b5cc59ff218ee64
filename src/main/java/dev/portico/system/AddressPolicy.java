package dev.portico.system;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Which addresses an extension action may not reach unless the operator allows it (EXT-4): every
 * address that is not a public unicast one. An IPv6 address that carries an IPv4 one (mapped,
 * compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged by that IPv4 address.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6890">RFC 6890 special-purpose addresses</a>
 */
public final class AddressPolicy {

  private AddressPolicy() {}

  /** Why the address is refused ({@code "a loopback address"}), or empty when it is public. */
  public static Optional<String> refusal(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      Optional<Inet4Address> embedded = embeddedIpv4(v6.getAddress());
      if (embedded.isPresent()) {
        return refusal(embedded.get());
      }
    }
    if (address.isLoopbackAddress()) {
      return Optional.of("a loopback address");
    }
    if (address.isAnyLocalAddress()) {
      return Optional.of("an unspecified address");
    }
    if (address.isLinkLocalAddress()) {
      return Optional.of("a link-local address");
    }
    if (address.isSiteLocalAddress()) {
      return Optional.of("a private address");
    }
    if (address.isMulticastAddress()) {
      return Optional.of("a multicast address");
    }
    byte[] b = address.getAddress();
    return address instanceof Inet4Address ? ipv4Refusal(b) : ipv6Refusal(b);
  }

  private static Optional<String> ipv4Refusal(byte[] b) {
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0) {
      return Optional.of("an unspecified address"); // 0.0.0.0/8, "this network"
    }
    if (first == 100 && (second & 0xc0) == 64) {
      return Optional.of("a shared (CGNAT) address"); // 100.64.0.0/10
    }
    if (first == 192 && second == 0 && (b[2] & 0xff) == 0) {
      return Optional.of("a reserved address"); // 192.0.0.0/24, IETF protocol assignments
    }
    if (first == 198 && (second & 0xfe) == 18) {
      return Optional.of("a reserved address"); // 198.18.0.0/15, benchmarking
    }
    if (first >= 240) {
      return Optional.of(
          first == 255 && Arrays.equals(b, new byte[] {-1, -1, -1, -1})
              ? "a broadcast address"
              : "a reserved address"); // 240.0.0.0/4 and 255.255.255.255
    }
    return Optional.empty();
  }

  private static Optional<String> ipv6Refusal(byte[] b) {
    if ((b[0] & 0xfe) == 0xfc) {
      return Optional.of("a unique-local address"); // fc00::/7
    }
    if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
      return Optional.of("a private address"); // fec0::/10, deprecated site-local
    }
    return Optional.empty();
  }

  /**
   * The IPv4 address inside an IPv6 one: {@code ::a.b.c.d} (compatible), {@code ::ffff:a.b.c.d}
   * (mapped; the JDK usually turns these into an {@link Inet4Address} already), {@code
   * 64:ff9b::a.b.c.d} (NAT64) and {@code 2002:aabb:ccdd::/48} (6to4). Not {@code ::} and {@code
   * ::1}, which are IPv6's own unspecified and loopback addresses.
   */
  private static Optional<Inet4Address> embeddedIpv4(byte[] b) {
    boolean zeroPrefix = allZero(b, 0, 10);
    boolean ownSpecial = allZero(b, 0, 15) && (b[15] == 0 || b[15] == 1);
    boolean compatible = zeroPrefix && allZero(b, 10, 12) && !ownSpecial;
    boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && allZero(b, 4, 12);
    if (compatible || mapped || nat64) {
      return Optional.of(ipv4(Arrays.copyOfRange(b, 12, 16)));
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return Optional.of(ipv4(Arrays.copyOfRange(b, 2, 6)));
    }
    return Optional.empty();
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static Inet4Address ipv4(byte[] four) {
    try {
      return (Inet4Address) InetAddress.getByAddress(four);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("four bytes are always an IPv4 address", e);
    }
  }
}
