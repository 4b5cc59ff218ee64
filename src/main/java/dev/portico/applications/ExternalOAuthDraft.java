package dev.portico.applications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A change of the External OAuth configuration (APP-6). A blank {@code clientSecret} keeps the
 * stored one; the URLs follow the redirect-URL rules of {@link RegistrationRules#checkWebUrl}.
 */
public record ExternalOAuthDraft(
    @NotBlank(message = "is required")
        @Size(max = 255)
        @Pattern(regexp = "^[\\x21-\\x7e]+$", message = "must be printable ASCII without spaces")
        String clientId,
    @Nullable @Size(max = 512) String clientSecret,
    @NotBlank(message = "is required") @Size(max = 2048) String authorizationUrl,
    @NotBlank(message = "is required") @Size(max = 2048) String tokenUrl,
    @Size(max = 1000)
        @Pattern(regexp = "^[\\x21-\\x7e ,]*$", message = "must be scope names separated by spaces")
        String scopes) {

  public ExternalOAuthDraft {
    clientId = clientId == null ? "" : clientId.strip();
    clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret.strip();
    authorizationUrl = authorizationUrl == null ? "" : authorizationUrl.strip();
    tokenUrl = tokenUrl == null ? "" : tokenUrl.strip();
    scopes = scopes == null ? "" : scopes.strip();
  }

  @Override
  public String toString() {
    return "ExternalOAuthDraft[" + clientId + ", " + authorizationUrl + "]";
  }
}
