package dev.portico.applications;

import dev.portico.accounts.GroupKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an application is shared with (SHR-1): a user, a team or an alias of the owning company. */
public enum AssignmentKind {
  USER("user", "users"),
  TEAM("team", "teams"),
  ALIAS("alias", "aliases");

  private final String noun;
  private final String plural;

  AssignmentKind(String noun, String plural) {
    this.noun = noun;
    this.plural = plural;
  }

  /** The word for one, in lower case, as in the console's URLs: {@code user}, {@code team}. */
  public String noun() {
    return noun;
  }

  /** The word for several, in lower case. */
  public String plural() {
    return plural;
  }

  /** "1 team", "2 aliases". */
  public String count(long n) {
    return n + " " + (n == 1 ? noun : plural);
  }

  /** The kind a URL segment or a request names ({@code user}, {@code TEAM}), if any. */
  public static Optional<AssignmentKind> parse(String text) {
    return Arrays.stream(values())
        .filter(k -> k.noun.equals(text.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  /** The kind of a team or an alias. */
  public static AssignmentKind of(GroupKind kind) {
    return kind == GroupKind.TEAM ? TEAM : ALIAS;
  }

  /** The group kind of a team or alias assignment. */
  public GroupKind groupKind() {
    if (this == USER) {
      throw new IllegalStateException("a user is not a group");
    }
    return this == TEAM ? GroupKind.TEAM : GroupKind.ALIAS;
  }
}
