package dev.portico.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A line of a list of teams or aliases: how many users and teams the group holds and the first few
 * of their names, without loading every member.
 *
 * @param memberNames the first {@link #NAMES} members' names, sorted case-insensitively
 * @param teamNames the first {@link #NAMES} teams' names (an alias's), sorted case-insensitively
 */
public record GroupSummary(
    UUID id,
    GroupKind kind,
    String name,
    Instant createdAt,
    int memberCount,
    List<String> memberNames,
    int teamCount,
    List<String> teamNames) {

  /** How many names of each a summary carries. */
  public static final int NAMES = 5;

  public GroupSummary {
    memberNames = List.copyOf(memberNames);
    teamNames = List.copyOf(teamNames);
  }

  /** How many users and teams the group names. */
  public int size() {
    return memberCount + teamCount;
  }
}
