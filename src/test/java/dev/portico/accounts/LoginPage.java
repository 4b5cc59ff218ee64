package dev.portico.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the sign-in page as a user would. */
final class LoginPage {

  static final String WRONG_CREDENTIALS = "Wrong email or password.";
  static final String LOCKED = "Too many failed sign-ins. Try again in";

  private static final Pattern ERROR =
      Pattern.compile("<div class=\"flash error\" role=\"alert\">([^<]*)</div>");

  private LoginPage() {}

  /** The error the sign-in page shows; fails if there is none. */
  static String error(String html) {
    Matcher m = ERROR.matcher(html);
    assertThat(m.find()).as("an error on the sign-in page:\n%s", html).isTrue();
    return m.group(1).trim();
  }
}
