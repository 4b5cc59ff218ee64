package dev.portico.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serial;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/**
 * What the console's sign-in needs to know of the request besides email and password.
 *
 * @param sourceAddress the client address as Tomcat sees it: the peer, or the address a configured
 *     proxy forwarded (never a header from anyone else)
 * @param host the {@code Host} header, which selects the stack (TEN-4)
 */
record ConsoleSignInDetails(String sourceAddress, @Nullable String host) implements Serializable {

  @Serial private static final long serialVersionUID = 1L;

  static ConsoleSignInDetails of(HttpServletRequest request) {
    String address = request.getRemoteAddr();
    return new ConsoleSignInDetails(
        address == null ? "" : address, request.getHeader(HttpHeaders.HOST));
  }
}
