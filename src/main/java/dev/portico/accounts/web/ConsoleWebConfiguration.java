package dev.portico.accounts.web;

import dev.portico.accounts.Actors;
import dev.portico.accounts.User;
import dev.portico.accounts.internal.Users;
import dev.portico.system.Actor;
import dev.portico.system.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets every console controller take the signed-in {@link User} and the {@link Actor} of the
 * request as parameters.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

  private final Users users;

  ConsoleWebConfiguration(Users users) {
    this.users = users;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new SignedInUserInterceptor(users))
        .excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/api/**");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new SignedInResolver());
  }

  static @Nullable User signedIn(HttpServletRequest request) {
    return request.getAttribute(SignedInUserInterceptor.ATTRIBUTE) instanceof User user
        ? user
        : null;
  }

  /** Resolves {@link User} and {@link Actor} parameters of console handlers. */
  static final class SignedInResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      Class<?> type = parameter.getParameterType();
      return type == User.class || type == Actor.class;
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        @Nullable ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        @Nullable WebDataBinderFactory binderFactory) {
      HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
      User user = request == null ? null : signedIn(request);
      if (user == null || request == null) {
        throw new NotFound("Page");
      }
      return parameter.getParameterType() == User.class ? user : Actors.of(user, request);
    }
  }
}
