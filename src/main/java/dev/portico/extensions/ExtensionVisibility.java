package dev.portico.extensions;

import dev.portico.accounts.User;
import dev.portico.accounts.UserManagement;
import dev.portico.extensions.ActionTemplates.DefaultParameters;
import dev.portico.extensions.internal.ExtensionRows;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * Who sees which extensions (EXT-5, SHR-3): an active user sees the extensions of the applications
 * that a {@link VisibleApplications} source gives them (today: the apps assigned to them), at the
 * asked location and context, each with its action URL resolved for the context's values.
 *
 * <p>Nothing here is cached: each answer reads the user, their teams and aliases, their apps and
 * the extensions from the database (four small indexed queries), so a user who loses an assignment
 * stops seeing its extensions on the very next request, on every node.
 */
@Service
@Transactional(readOnly = true)
public class ExtensionVisibility {

  private final UserManagement users;
  private final List<VisibleApplications> sources;
  private final ExtensionRows extensions;

  ExtensionVisibility(
      UserManagement users, List<VisibleApplications> sources, ExtensionRows extensions) {
    Assert.notNull(users, "users cannot be null");
    Assert.notEmpty(sources, "sources cannot be empty");
    Assert.notNull(extensions, "extensions cannot be null");
    this.users = users;
    this.sources = List.copyOf(sources);
    this.extensions = extensions;
  }

  /**
   * The extensions the user may see that match the query, by application name and then extension
   * name; empty for an unknown, suspended or otherwise inactive user.
   */
  public List<VisibleExtension> visibleTo(UUID userId, ExtensionQuery query) {
    User user = users.user(userId).filter(User::isActive).orElse(null);
    if (user == null) {
      return List.of();
    }
    Map<UUID, VisibleApplication> apps = applications(user, query);
    if (apps.isEmpty()) {
      return List.of();
    }
    Map<ReplacementAttribute, String> values = withCompany(query.values(), user);
    String companyId = companyOf(user);
    return extensions.ofApplications(apps.keySet(), query.location(), query.context()).stream()
        .map(
            e -> {
              VisibleApplication app = Objects.requireNonNull(apps.get(e.applicationId()));
              DefaultParameters defaults =
                  new DefaultParameters(
                      query.server(),
                      companyId,
                      user.id().toString(),
                      query.locale(),
                      app.clientId());
              return new VisibleExtension(
                  e,
                  app,
                  ActionTemplates.resolveUrl(e.actionUrl(), e.location(), values, defaults));
            })
        .sorted(
            Comparator.comparing((VisibleExtension v) -> v.application().name())
                .thenComparing(v -> v.application().id())
                .thenComparing(v -> v.extension().name())
                .thenComparing(v -> v.extension().id()))
        .toList();
  }

  private Map<UUID, VisibleApplication> applications(User user, ExtensionQuery query) {
    Map<UUID, VisibleApplication> apps = new LinkedHashMap<>();
    for (VisibleApplications source : sources) {
      for (VisibleApplication app : source.of(user)) {
        if (query.applicationId() == null || query.applicationId().equals(app.id())) {
          apps.putIfAbsent(app.id(), app);
        }
      }
    }
    return apps;
  }

  /**
   * {@code {$companyId}} and {@code {$sessionCompanyId}} default to the user's company ({@code cad}
   * outside one), like the {@code companyId} query parameter, unless the caller gave them.
   */
  private static Map<ReplacementAttribute, String> withCompany(
      Map<ReplacementAttribute, String> given, User user) {
    Map<ReplacementAttribute, String> values = new EnumMap<>(ReplacementAttribute.class);
    values.put(ReplacementAttribute.COMPANY_ID, companyOf(user));
    values.put(ReplacementAttribute.SESSION_COMPANY_ID, companyOf(user));
    values.putAll(given);
    return values;
  }

  private static String companyOf(User user) {
    return user.companyId() == null ? "cad" : user.companyId().toString();
  }
}
