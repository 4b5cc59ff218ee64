package dev.portico.applications.web;

import dev.portico.applications.AssignmentKind;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One option of the sharing picker: a user, team or alias the admin may tick.
 *
 * @param detail the user's email, or how many the group holds
 * @param note why the option cannot be ticked ("light user", "already added"), or {@code null}
 */
record ChoiceRow(
    AssignmentKind kind,
    UUID id,
    String name,
    @Nullable String detail,
    @Nullable String note,
    boolean checked) {

  public boolean disabled() {
    return note != null;
  }

  /** The checkbox's name: the form field of the kind. */
  public String field() {
    return kind.noun() + "Ids";
  }

  public String inputId() {
    return "choice-" + kind.noun() + "-" + id;
  }
}
