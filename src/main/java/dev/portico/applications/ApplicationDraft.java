package dev.portico.applications;

import dev.portico.accounts.Scope;
import dev.portico.system.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a registration or a settings change says about an application (APP-2). The field rules are
 * here and in {@link RegistrationRules}; the console and REST validate through the same service. On
 * a change the primary format must be the registered one: it is immutable.
 *
 * @param redirectUrls in the order given; the first is the default of {@code /oauth/authorize}
 * @param collaborators emails of the users who may edit the app when collaboration is on
 * @param adminTeamId a team of the owning company whose members may edit the app
 */
public record ApplicationDraft(
    @NotBlank(message = "is required") @Size(max = 100) @PlainText String name,
    @NotBlank(message = "is required")
        @Size(max = 100)
        @Pattern(
            regexp = RegistrationRules.PRIMARY_FORMAT,
            message = "must be a reverse-domain name such as com.example.stl-preview")
        String primaryFormat,
    @NotBlank(message = "is required") @Size(max = 500) @PlainText String summary,
    @NotEmpty(message = "add at least one redirect URL")
        @Size(max = RegistrationRules.MAX_REDIRECT_URLS, message = "at most 10 redirect URLs")
        List<String> redirectUrls,
    @NotNull(message = "choose a type") @Nullable ApplicationType type,
    @Nullable String oauthUrl,
    boolean supportsCollaboration,
    @NotEmpty(message = "choose at least one permission") Set<Scope> scopes,
    @Nullable UUID adminTeamId,
    @Size(max = RegistrationRules.MAX_COLLABORATORS, message = "at most 20 collaborators")
        List<String> collaborators) {

  public ApplicationDraft {
    name = name == null ? "" : name.strip();
    primaryFormat = primaryFormat == null ? "" : primaryFormat.strip();
    summary = summary == null ? "" : summary.strip();
    redirectUrls =
        redirectUrls == null
            ? List.of()
            : redirectUrls.stream().map(u -> u == null ? "" : u.strip()).toList();
    oauthUrl = oauthUrl == null || oauthUrl.isBlank() ? null : oauthUrl.strip();
    scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    collaborators =
        collaborators == null
            ? List.of()
            : collaborators.stream()
                .filter(c -> c != null && !c.isBlank())
                .map(c -> c.strip().toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
  }

  /** The type, once validation has checked there is one. */
  public ApplicationType requiredType() {
    return java.util.Objects.requireNonNull(type, "type");
  }

  /** The draft of an application as it is now: what a settings form starts from. */
  public static ApplicationDraft of(Application app) {
    return new ApplicationDraft(
        app.name(),
        app.primaryFormat(),
        app.summary(),
        app.redirectUrls(),
        app.type(),
        app.oauthUrl(),
        app.supportsCollaboration(),
        app.scopes(),
        app.adminTeamId(),
        app.collaborators());
  }
}
