package dev.portico.gateway.internal;

import dev.portico.accounts.ApiCaller;
import dev.portico.accounts.Scope;
import dev.portico.accounts.StackResolver;
import dev.portico.apikeys.ApiKeyDirectory;
import dev.portico.gateway.ApiTokenAuthenticator;
import dev.portico.gateway.GatewaySettings;
import dev.portico.system.NotFound;
import dev.portico.usage.UsageMeter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The security chain of {@code /api/**}, separate from the console's: stateless, no CSRF (no
 * cookies are credentials here), every request authenticated by {@link ApiAuthenticationFilter},
 * and scopes by method (SPEC §13, API-3): reads need {@code OAuth2Read}, writes {@code
 * OAuth2Write}, deletes {@code OAuth2Delete}; {@code sessioninfo} needs only a valid credential;
 * upstream path rules may require another scope instead ({@link ScopeAuthorizationManager}).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration implements WebMvcConfigurer {

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(
      HttpSecurity http,
      ApiKeyDirectory keys,
      NonceStore nonces,
      StackResolver stacks,
      ObjectProvider<ApiTokenAuthenticator> tokens,
      GatewaySettings settings,
      EndpointGroups groups,
      UsageMeter meter,
      RateLimits limits)
      throws Exception {
    ApiCredentialsAuthenticationProvider provider =
        new ApiCredentialsAuthenticationProvider(
            keys, settings.maxClockSkew(), stacks, tokens.orderedStream().toList());
    ApiAuthenticationFilter filter =
        new ApiAuthenticationFilter(new ProviderManager(provider), limits, nonces, groups, meter);
    // upstream path rules first, then the method's scope (API-3): all decided before any handler
    ScopeAuthorizationManager scopes =
        new ScopeAuthorizationManager(new UpstreamRules(settings.upstreamRules()));
    // @formatter:off
    http.securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .anonymous(anonymous -> anonymous.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .logout(logout -> logout.disable())
        .addFilterAt(filter, BasicAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(HttpMethod.GET, "/api/users/sessioninfo")
                    .authenticated()
                    .anyRequest()
                    .access(scopes))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            ApiResponses.unauthenticated(response, "missing_credentials"))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            ApiResponses.forbidden(response, deniedScope(scopes, request).name())));
    // @formatter:on
    return http.build();
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ApiCallerResolver());
  }

  private static Scope deniedScope(ScopeAuthorizationManager scopes, HttpServletRequest request) {
    Scope required = scopes.required(request);
    return required != null ? required : requiredScope(request.getMethod());
  }

  /** The scope of a documented operation's method (OpenAPI); the chain also applies path rules. */
  static Scope requiredScope(String method) {
    Scope scope = ScopeAuthorizationManager.byMethod(method);
    return scope == null ? Scope.OAuth2Write : scope;
  }

  /** Lets REST controllers of every module take the {@link ApiCaller} as a parameter. */
  static final class ApiCallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == ApiCaller.class;
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        @Nullable ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        @Nullable WebDataBinderFactory binderFactory) {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      if (auth != null && auth.getPrincipal() instanceof ApiCaller caller) {
        return caller;
      }
      throw new NotFound("Caller");
    }
  }
}
