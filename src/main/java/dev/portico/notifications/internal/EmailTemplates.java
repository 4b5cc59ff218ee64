package dev.portico.notifications.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an email's two parts from {@code templates/notifications/email/<name>.html} (HTML mode:
 * every {@code th:text} value is escaped) and {@code <name>.txt} (text mode, for the plain-text
 * alternative). An engine of its own, not Spring Boot's: that one resolves console pages in HTML
 * mode only, and replacing its bean would change every page.
 */
@Component
public class EmailTemplates {

  private static final String PREFIX = "templates/notifications/email/";

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  EmailTemplates() {
    engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
    engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
  }

  /** Both parts of the email {@code name} with these values. */
  public Rendered render(String name, Map<String, Object> values) {
    Context context = new Context(Locale.ENGLISH, values);
    return new Rendered(
        engine.process(name + ".html", context), engine.process(name + ".txt", context));
  }

  private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix(PREFIX);
    resolver.setTemplateMode(mode);
    resolver.setResolvablePatterns(Set.of("*" + suffix));
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    resolver.setCheckExistence(true);
    resolver.setOrder(order);
    return resolver;
  }

  /** An email's HTML part and its plain-text alternative. */
  public record Rendered(String html, String text) {}
}
