package dev.portico.apikeys.web;

import dev.portico.accounts.Scope;
import dev.portico.apikeys.NewApiKey;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The "Create API key" form. Fields are plain strings so that a tampered value becomes a field
 * error rather than a binding failure.
 */
public class ApiKeyForm {

  private @Nullable String name;
  private @Nullable String userId;
  private List<String> scopes = new ArrayList<>();

  /** The key to create, for the given user (the form's own user, or the signed-in user). */
  NewApiKey toNewApiKey(@Nullable UUID user) {
    return new NewApiKey(name == null ? "" : name, user, knownScopes());
  }

  /** The chosen user, if the form holds a well-formed id. */
  @Nullable UUID chosenUser() {
    if (userId == null || userId.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(userId.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Whether a scope was sent that does not exist (only a tampered form does that). */
  boolean hasUnknownScope() {
    return scopes.stream().anyMatch(s -> Scope.parse(s).isEmpty());
  }

  private Set<Scope> knownScopes() {
    Set<Scope> known = EnumSet.noneOf(Scope.class);
    scopes.stream().map(Scope::parse).flatMap(Optional::stream).forEach(known::add);
    return known;
  }

  public @Nullable String getName() {
    return name;
  }

  public void setName(@Nullable String name) {
    this.name = name;
  }

  public @Nullable String getUserId() {
    return userId;
  }

  public void setUserId(@Nullable String userId) {
    this.userId = userId;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(@Nullable List<String> scopes) {
    this.scopes = scopes == null ? new ArrayList<>() : new ArrayList<>(scopes);
  }
}
