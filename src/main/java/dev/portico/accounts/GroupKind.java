package dev.portico.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two kinds of named groups of a company's users (TEN-3). They behave alike in everything but
 * one thing: an alias may also hold teams, like a mailing list that names other lists.
 */
public enum GroupKind {
  /** A named set of users. */
  TEAM("team", "teams"),
  /** A named set of users and teams. */
  ALIAS("alias", "aliases");

  private final String noun;
  private final String plural;

  GroupKind(String noun, String plural) {
    this.noun = noun;
    this.plural = plural;
  }

  /**
   * The word for one, in lower case: {@code team}, {@code alias} (also the audit action prefix).
   */
  public String noun() {
    return noun;
  }

  /** The word for several, in lower case, as in the URLs: {@code teams}, {@code aliases}. */
  public String plural() {
    return plural;
  }

  /** The noun with a capital first letter, for headings: {@code Team}, {@code Alias}. */
  public String title() {
    return noun.substring(0, 1).toUpperCase(Locale.ROOT) + noun.substring(1);
  }

  /** The one difference between the kinds: only an alias may hold teams. */
  public boolean holdsTeams() {
    return this == ALIAS;
  }

  /** The kind a URL segment names ({@code teams}, {@code aliases}). */
  public static Optional<GroupKind> ofPlural(String plural) {
    return Arrays.stream(values()).filter(k -> k.plural.equals(plural)).findFirst();
  }
}
