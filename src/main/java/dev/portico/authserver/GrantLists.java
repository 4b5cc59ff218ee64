package dev.portico.authserver;

import static dev.portico.system.Sql.instant;
import static dev.portico.system.Sql.nullableInstant;
import static dev.portico.system.Sql.ts;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.ApplicationAssignments;
import dev.portico.applications.ApplicationCard;
import dev.portico.applications.ApplicationDirectory;
import dev.portico.system.ResultPage;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grants a user gave (My account → Applications, OAU-5), read from {@code as_authorization}:
 * one {@link UserGrant} per application the user holds a <em>live</em> authorization of, that is
 * one with a code, access token or refresh token that is neither expired nor invalidated (a consent
 * still pending holds none and is no grant).
 *
 * <p>A page is grouped, sorted (newest grant first) and paged in the database; then one query reads
 * the page's scopes, one its applications and one their owners, whatever the page holds.
 */
@Component
@Transactional(readOnly = true)
public class GrantLists {

  /**
   * Most grant ids {@link #grantedApplicationIds} answers: far more apps than one person grants,
   * and well within a database's bind-parameter limit when they are passed on.
   */
  static final int MAX_GRANTED_IDS = 1000;

  private static final String LIVE =
      " principal_name = :user and ((code_hash is not null and code_invalidated = false"
          + " and code_expires_at > :now) or (access_hash is not null"
          + " and access_invalidated = false and access_expires_at > :now)"
          + " or (refresh_hash is not null and refresh_invalidated = false"
          + " and (refresh_expires_at is null or refresh_expires_at > :now)))";

  private final JdbcClient jdbc;
  private final ApplicationDirectory directory;
  private final ApplicationAssignments assignments;
  private final AccountManagement accounts;
  private final Clock clock;

  GrantLists(
      JdbcClient jdbc,
      ApplicationDirectory directory,
      ApplicationAssignments assignments,
      AccountManagement accounts,
      Clock clock) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.assignments = assignments;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** One page of the user's grants, the most recently granted first. */
  public ResultPage<UserGrant> granted(UUID userId, ResultPage.Request page) {
    Instant now = clock.instant();
    List<Row> rows = rows(userId, null, now, page);
    long total =
        jdbc.sql("select count(distinct registered_client_id) from as_authorization where" + LIVE)
            .param("user", userId.toString())
            .param("now", ts(now))
            .query(Long.class)
            .single();
    return new ResultPage<>(details(userId, rows, now), page.page(), page.size(), total);
  }

  /** The user's grant to the application, if they hold one. */
  public Optional<UserGrant> granted(UUID userId, UUID applicationId) {
    Instant now = clock.instant();
    List<Row> rows = rows(userId, applicationId, now, new ResultPage.Request(0, 1));
    return details(userId, rows, now).stream().findFirst();
  }

  /** The ids of the applications the user granted (at most {@link #MAX_GRANTED_IDS}). */
  public Set<UUID> grantedApplicationIds(UUID userId) {
    return jdbc
        .sql(
            "select distinct registered_client_id from as_authorization where"
                + LIVE
                + " order by registered_client_id limit "
                + MAX_GRANTED_IDS)
        .param("user", userId.toString())
        .param("now", ts(clock.instant()))
        .query(String.class)
        .list()
        .stream()
        .flatMap(clientId -> Stream.ofNullable(applicationId(clientId)))
        .collect(Collectors.toSet());
  }

  /** One line of the grouped page: an application's live authorizations of the user. */
  private record Row(
      UUID applicationId,
      String clientId,
      Instant grantedAt,
      @Nullable Instant lastTokenAt,
      int authorizations) {}

  private List<Row> rows(
      UUID userId, @Nullable UUID applicationId, Instant now, ResultPage.Request page) {
    String client = applicationId == null ? "" : " and registered_client_id = :client";
    var spec =
        jdbc.sql(
                "select registered_client_id, min(coalesce(code_issued_at, access_issued_at,"
                    + " refresh_issued_at)) as granted_at, max(access_issued_at) as last_token_at,"
                    + " count(*) as n from as_authorization where"
                    + LIVE
                    + client
                    + " group by registered_client_id"
                    + " order by granted_at desc, registered_client_id"
                    + " limit :limit offset :offset")
            .param("user", userId.toString())
            .param("now", ts(now))
            .param("limit", page.size())
            .param("offset", page.offset());
    if (applicationId != null) {
      spec = spec.param("client", applicationId.toString());
    }
    List<Row> rows = new ArrayList<>();
    spec.query(
        (ResultSet rs) -> {
          String clientId = rs.getString("registered_client_id");
          UUID id = applicationId(clientId);
          if (id != null) {
            rows.add(
                new Row(
                    id,
                    clientId,
                    instant(rs, "granted_at"),
                    nullableInstant(rs, "last_token_at"),
                    rs.getInt("n")));
          }
        });
    return rows;
  }

  /** The page's grants with their scopes, applications and owners: three queries in all. */
  private List<UserGrant> details(UUID userId, List<Row> rows, Instant now) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<String, Set<Scope>> scopes =
        scopes(userId, rows.stream().map(Row::clientId).collect(Collectors.toSet()), now);
    Map<UUID, ApplicationCard> cards =
        directory.cards(rows.stream().map(Row::applicationId).toList());
    Map<UUID, String> owners = ownerNames(cards.values());
    return rows.stream()
        .map(
            r ->
                new UserGrant(
                    application(r.applicationId(), cards.get(r.applicationId()), owners),
                    scopes.getOrDefault(r.clientId(), Set.of()),
                    r.grantedAt(),
                    r.lastTokenAt(),
                    r.authorizations()))
        .toList();
  }

  private static GrantableApplication application(
      UUID id, @Nullable ApplicationCard card, Map<UUID, String> owners) {
    return card == null
        ? GrantableApplication.deleted(id)
        : new GrantableApplication(
            id,
            card.name(),
            owners.getOrDefault(card.ownerAccountId(), ""),
            card.summary(),
            card.oauthUrl());
  }

  /** The union of each application's live authorized scopes (each distinct set read once). */
  private Map<String, Set<Scope>> scopes(UUID userId, Set<String> clientIds, Instant now) {
    Map<String, Set<Scope>> scopes = new HashMap<>();
    jdbc.sql(
            "select registered_client_id, authorized_scopes from as_authorization where"
                + LIVE
                + " and registered_client_id in (:clients)"
                + " group by registered_client_id, authorized_scopes")
        .param("user", userId.toString())
        .param("now", ts(now))
        .param("clients", clientIds)
        .query(
            (ResultSet rs) -> {
              Set<Scope> union =
                  scopes.computeIfAbsent(
                      rs.getString("registered_client_id"), c -> EnumSet.noneOf(Scope.class));
              for (String word : rs.getString("authorized_scopes").split(" ")) {
                Scope.parse(word).ifPresent(union::add);
              }
            });
    return scopes;
  }

  /**
   * One page, by name, of the applications the user may use through an assignment (SHR-3) but has
   * not granted: what My account → Applications offers with Grant only.
   */
  public ResultPage<GrantableApplication> assignedNotGranted(User user, ResultPage.Request page) {
    ResultPage<ApplicationCard> cards =
        assignments.assignedTo(user, grantedApplicationIds(user.id()), page);
    Map<UUID, String> owners = ownerNames(cards.items());
    return cards.map(c -> application(c.id(), c, owners));
  }

  /** Grants and cards name the owning accounts; their names, read in one query. */
  private Map<UUID, String> ownerNames(Collection<ApplicationCard> cards) {
    Set<UUID> ids = new LinkedHashSet<>();
    cards.forEach(c -> ids.add(c.ownerAccountId()));
    return accounts.accounts(ids).stream().collect(Collectors.toMap(Account::id, Account::name));
  }

  private static @Nullable UUID applicationId(String clientId) {
    try {
      return UUID.fromString(clientId);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
