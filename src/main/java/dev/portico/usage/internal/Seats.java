package dev.portico.usage.internal;

/**
 * The seats of a company-type account that plans count (USE-1): its members, active or suspended (a
 * suspended member keeps their seat until removed), and those of them with a {@code FULL} license.
 * Pending invitations hold no seat.
 */
public record Seats(long users, long fullUsers) {

  /** The seats before a change that added (or, negative, removed) these. */
  public Seats minus(Seats change) {
    return new Seats(Math.max(0, users - change.users), Math.max(0, fullUsers - change.fullUsers));
  }
}
