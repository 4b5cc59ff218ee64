package dev.portico.applications.web;

import dev.portico.applications.ExternalOAuth;
import dev.portico.applications.ExternalOAuthDraft;
import org.jspecify.annotations.Nullable;

/**
 * The External OAuth form (APP-6). The client secret is write-only: the form never starts with it,
 * and a blank one keeps the stored secret.
 */
public class ExternalOAuthForm {

  private String clientId = "";
  private @Nullable String clientSecret;
  private String authorizationUrl = "";
  private String tokenUrl = "";
  private String scopes = "";

  /** The form showing the current configuration, without its secret. */
  static ExternalOAuthForm of(ExternalOAuth current) {
    ExternalOAuthForm form = new ExternalOAuthForm();
    form.clientId = current.clientId();
    form.authorizationUrl = current.authorizationUrl();
    form.tokenUrl = current.tokenUrl();
    form.scopes = current.scopes();
    return form;
  }

  ExternalOAuthDraft toDraft() {
    return new ExternalOAuthDraft(clientId, clientSecret, authorizationUrl, tokenUrl, scopes);
  }

  /** Whether a new secret was typed (it is not shown back: the user types it again). */
  boolean hasSecret() {
    return clientSecret != null && !clientSecret.isBlank();
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(@Nullable String clientId) {
    this.clientId = clientId == null ? "" : clientId;
  }

  /** Never read back into a page: the template has no value for the secret input. */
  public @Nullable String getClientSecret() {
    return null;
  }

  public void setClientSecret(@Nullable String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public String getAuthorizationUrl() {
    return authorizationUrl;
  }

  public void setAuthorizationUrl(@Nullable String authorizationUrl) {
    this.authorizationUrl = authorizationUrl == null ? "" : authorizationUrl;
  }

  public String getTokenUrl() {
    return tokenUrl;
  }

  public void setTokenUrl(@Nullable String tokenUrl) {
    this.tokenUrl = tokenUrl == null ? "" : tokenUrl;
  }

  public String getScopes() {
    return scopes;
  }

  public void setScopes(@Nullable String scopes) {
    this.scopes = scopes == null ? "" : scopes;
  }

  @Override
  public String toString() {
    return "ExternalOAuthForm[" + clientId + ", " + authorizationUrl + "]";
  }
}
