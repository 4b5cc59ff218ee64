package dev.portico.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses extension actions may reach (EXT-4): public unicast ones only. */
class AddressPolicyTests {

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, a loopback address",
    "127.5.6.7, a loopback address",
    "::1, a loopback address",
    "0.0.0.0, an unspecified address",
    "0.1.2.3, an unspecified address",
    "::, an unspecified address",
    "169.254.169.254, a link-local address",
    "169.254.0.1, a link-local address",
    "fe80::1, a link-local address",
    "10.0.0.1, a private address",
    "10.255.255.255, a private address",
    "172.16.0.1, a private address",
    "172.31.255.254, a private address",
    "192.168.1.1, a private address",
    "fec0::1, a private address",
    "fc00::1, a unique-local address",
    "fd12:3456::1, a unique-local address",
    "100.64.0.1, a shared (CGNAT) address",
    "100.127.255.254, a shared (CGNAT) address",
    "224.0.0.1, a multicast address",
    "ff02::1, a multicast address",
    "255.255.255.255, a broadcast address",
    "240.0.0.1, a reserved address",
    "192.0.0.8, a reserved address",
    "198.18.0.1, a reserved address",
    "::ffff:127.0.0.1, a loopback address",
    "::ffff:10.0.0.1, a private address",
    "::ffff:169.254.169.254, a link-local address",
    "::127.0.0.1, a loopback address",
    "::10.0.0.1, a private address",
    "::0.0.0.5, an unspecified address",
    "64:ff9b::a9fe:a9fe, a link-local address",
    "2002:7f00:1::1, a loopback address",
    "2002:c0a8:101::1, a private address"
  })
  void nonPublicAddressIsRefusedWithWhatItIs(String literal, String why) throws Exception {
    assertThat(AddressPolicy.refusal(InetAddress.getByName(literal))).contains(why);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "93.184.216.34",
        "8.8.8.8",
        "1.1.1.1",
        "100.63.255.255",
        "100.128.0.1",
        "172.15.255.255",
        "172.32.0.1",
        "169.253.255.255",
        "192.169.0.1",
        "2606:4700:4700::1111",
        "2001:4860:4860::8888",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1"
      })
  void publicAddressIsAllowed(String literal) throws Exception {
    assertThat(AddressPolicy.refusal(InetAddress.getByName(literal))).isEmpty();
  }
}
