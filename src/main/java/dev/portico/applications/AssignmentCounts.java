package dev.portico.applications;

/** How many users, teams and aliases an application is shared with (Developer → Applications). */
public record AssignmentCounts(long users, long teams, long aliases) {

  public static final AssignmentCounts NONE = new AssignmentCounts(0, 0, 0);
}
