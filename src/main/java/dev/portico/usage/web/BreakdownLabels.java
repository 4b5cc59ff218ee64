package dev.portico.usage.web;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.apikeys.ApiKeyDirectory;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.usage.BreakdownRow;
import dev.portico.usage.UsageDimension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;

/**
 * The names of a breakdown's keys (USE-6), read in bulk (one query per {@link #CHUNK} keys, never
 * one per row) from the modules that own them. Only what belongs to the account is named: its own
 * applications and API keys, its members (or, for a personal account, its user). A deleted app or
 * key, a user who left, or an end user of another account (a personal app's users) shows its id
 * with a note, and nothing else about them.
 */
@Component
class BreakdownLabels {

  static final int CHUNK = 1_000;

  private final ApplicationDirectory applications;
  private final ApiKeyDirectory keys;
  private final UserManagement users;

  BreakdownLabels(ApplicationDirectory applications, ApiKeyDirectory keys, UserManagement users) {
    Assert.notNull(applications, "applications cannot be null");
    Assert.notNull(keys, "keys cannot be null");
    Assert.notNull(users, "users cannot be null");
    this.applications = applications;
    this.keys = keys;
    this.users = users;
  }

  /** The rows with their labels, in the rows' order. */
  List<BreakdownLine> lines(
      UUID accountId, UsageDimension dimension, List<BreakdownRow> rows, long totalCalls) {
    Map<String, Label> labels = new HashMap<>();
    for (int i = 0; i < rows.size(); i += CHUNK) {
      List<BreakdownRow> chunk = rows.subList(i, Math.min(rows.size(), i + CHUNK));
      labels.putAll(labels(accountId, dimension, chunk.stream().map(BreakdownRow::key).toList()));
    }
    return rows.stream()
        .map(
            r ->
                new BreakdownLine(
                    r,
                    labels.getOrDefault(r.key(), Label.unknown(dimension, r.key())),
                    totalCalls <= 0 ? 0 : Math.floor(r.calls() * 1000.0 / totalCalls) / 10.0))
        .toList();
  }

  private Map<String, Label> labels(
      UUID accountId, UsageDimension dimension, Collection<String> keys) {
    return switch (dimension) {
      case APPLICATION ->
          named(
              keys,
              ids ->
                  mapValues(
                      applications.cards(ids),
                      app ->
                          app.ownerAccountId().equals(accountId)
                              ? new Label(app.name(), null, null)
                              : null));
      case API_KEY ->
          named(
              keys,
              ids ->
                  mapValues(
                      this.keys.keys(ids),
                      key ->
                          key.accountId().equals(accountId)
                              ? new Label(key.name(), key.accessKey(), null)
                              : null));
      case USER ->
          named(
              keys,
              ids -> {
                Map<UUID, User> found = new HashMap<>();
                users.users(ids).forEach(u -> found.put(u.id(), u));
                return mapValues(found, u -> userLabel(accountId, u));
              });
      case ENDPOINT -> {
        Map<String, Label> groups = new HashMap<>();
        keys.forEach(k -> groups.put(k, new Label(k, null, null)));
        yield groups;
      }
    };
  }

  private static @Nullable Label userLabel(UUID accountId, User user) {
    if (user.isMemberOf(accountId) || user.personalAccountId().equals(accountId)) {
      return new Label(user.name(), user.email(), null);
    }
    return null;
  }

  /** Parses the keys as ids (anything else stays unknown), looks them up, keys the answer back. */
  private static Map<String, Label> named(
      Collection<String> keys, Function<List<UUID>, Map<UUID, @Nullable Label>> lookup) {
    List<UUID> ids = new ArrayList<>();
    for (String key : keys) {
      try {
        ids.add(UUID.fromString(key));
      } catch (IllegalArgumentException e) {
        // not an id: shown as it is
      }
    }
    Map<String, Label> labels = new HashMap<>();
    if (!ids.isEmpty()) {
      lookup
          .apply(ids)
          .forEach(
              (id, label) -> {
                if (label != null) {
                  labels.put(id.toString(), label);
                }
              });
    }
    return labels;
  }

  private static <T> Map<UUID, @Nullable Label> mapValues(
      Map<UUID, T> found, Function<T, @Nullable Label> label) {
    Map<UUID, @Nullable Label> labels = new HashMap<>();
    found.forEach((id, value) -> labels.put(id, label.apply(value)));
    return labels;
  }

  /**
   * What a breakdown row shows for its key.
   *
   * @param detail a second line: the access key of a key, the email of a user
   * @param note why the key has no name (deleted, left, outside the account)
   */
  record Label(String name, @Nullable String detail, @Nullable String note) {

    static Label unknown(UsageDimension dimension, String key) {
      return new Label(
          key,
          null,
          switch (dimension) {
            case APPLICATION -> "deleted, or no longer owned by this account";
            case API_KEY -> "deleted API key";
            case USER -> "no longer in this account, or a user of another account";
            case ENDPOINT -> null;
          });
    }
  }

  /**
   * One row of a breakdown as the page and the CSV show it.
   *
   * @param share the row's calls as a percentage of the range's calls, rounded down to one decimal
   */
  record BreakdownLine(BreakdownRow row, Label label, double share) {}
}
