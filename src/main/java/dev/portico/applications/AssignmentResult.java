package dev.portico.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a sharing request did (SHR-1, SHR-2): the targets newly added (those already there are left
 * as they were) and how many light users of the added teams and aliases were skipped.
 *
 * @param skippedLightUsers distinct light users the added teams and aliases hold: they get no
 *     access through them
 */
public record AssignmentResult(List<Assignment> added, int skippedLightUsers) {

  public AssignmentResult {
    added = List.copyOf(added);
  }

  public List<UUID> addedIds(AssignmentKind kind) {
    return added.stream().filter(a -> a.kind() == kind).map(Assignment::targetId).toList();
  }

  /** "Added 1 team (2 light members skipped)", as the console says it. */
  public String message() {
    List<String> parts = new ArrayList<>();
    for (AssignmentKind kind : AssignmentKind.values()) {
      long n = added.stream().filter(a -> a.kind() == kind).count();
      if (n > 0) {
        parts.add(kind.count(n));
      }
    }
    String skipped =
        skippedLightUsers == 0
            ? ""
            : " ("
                + skippedLightUsers
                + (skippedLightUsers == 1 ? " light member" : " light members")
                + " skipped)";
    if (parts.isEmpty()) {
      return "Nothing new to add: they already have the application" + skipped + ".";
    }
    String list =
        parts.size() == 1
            ? parts.get(0)
            : String.join(", ", parts.subList(0, parts.size() - 1))
                + " and "
                + parts.get(parts.size() - 1);
    return "Added " + list + skipped + ".";
  }
}
