package dev.portico.authserver.web;

import dev.portico.accounts.Account;
import dev.portico.accounts.AccountManagement;
import dev.portico.accounts.Scope;
import dev.portico.accounts.User;
import dev.portico.applications.Application;
import dev.portico.authserver.ApplicationClients;
import dev.portico.system.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Authorize application page (OAU-2), where the authorization endpoint sends a user whose
 * consent it needs: the app's name, owner and summary, the requested scopes in the words of OAU-4,
 * and the buttons Authorize application and Deny, which post to {@code /oauth/authorize} with the
 * console's CSRF token.
 *
 * <p>The page shows the request the server stored under the consent {@code state}, not the query's
 * scopes: a forged link cannot make it show other scopes. A state that is unknown, already used, or
 * another user's is "not found", as is a client that is not the request's. The console's chain
 * gives the page its headers ({@code X-Frame-Options: DENY}, CSP {@code frame-ancestors 'none'}).
 */
@Controller
class ConsentController {

  private static final OAuth2TokenType STATE = new OAuth2TokenType(OAuth2ParameterNames.STATE);

  private final OAuth2AuthorizationService authorizations;
  private final ApplicationClients clients;
  private final AccountManagement accounts;

  ConsentController(
      OAuth2AuthorizationService authorizations,
      ApplicationClients clients,
      AccountManagement accounts) {
    Assert.notNull(authorizations, "authorizations cannot be null");
    Assert.notNull(clients, "clients cannot be null");
    Assert.notNull(accounts, "accounts cannot be null");
    this.authorizations = authorizations;
    this.clients = clients;
    this.accounts = accounts;
  }

  @GetMapping("/oauth/consent")
  String showConsent(
      User me,
      @RequestParam(name = OAuth2ParameterNames.CLIENT_ID) String clientId,
      @RequestParam(name = OAuth2ParameterNames.STATE) String state,
      HttpServletResponse response,
      Model model) {
    OAuth2Authorization pending = authorizations.findByToken(state, STATE);
    if (pending == null || !pending.getPrincipalName().equals(me.id().toString())) {
      throw new NotFound("Authorization request");
    }
    RegisteredClient client = clients.findByClientId(clientId);
    if (client == null || !client.getId().equals(pending.getRegisteredClientId())) {
      throw new NotFound("Authorization request");
    }
    Application app = clients.application(client).orElseThrow(() -> new NotFound("Application"));
    OAuth2AuthorizationRequest request =
        pending.getAttribute(OAuth2AuthorizationRequest.class.getName());
    if (request == null) {
      throw new NotFound("Authorization request");
    }
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    model.addAttribute("app", app);
    model.addAttribute(
        "owner", accounts.account(app.ownerAccountId()).map(Account::name).orElse(""));
    model.addAttribute("scopes", inWords(request.getScopes()));
    model.addAttribute("clientId", clientId);
    model.addAttribute("state", state);
    return "authserver/authorize";
  }

  /** The requested scopes in OAU-4's order, with their words. */
  static List<Scope> inWords(Set<String> requested) {
    return List.of(Scope.values()).stream().filter(s -> requested.contains(s.name())).toList();
  }
}
