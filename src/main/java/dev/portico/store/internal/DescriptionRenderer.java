package dev.portico.store.internal;

import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Turns an entry's Markdown description into the HTML its page shows (STO-1: a Markdown subset;
 * anything else is escaped). Two fences: commonmark escapes raw HTML and drops link URLs that are
 * not http, https or mailto; the OWASP sanitizer then keeps only the allow-listed elements (p, em,
 * strong, code, pre, ul, ol, li, blockquote, h2–h4, br, a[href]) and adds {@code rel="nofollow
 * noopener noreferrer"} to every link.
 */
@Component
public class DescriptionRenderer {

  private static final List<String> PROTOCOLS = List.of("http", "https", "mailto");

  private static final Parser PARSER = Parser.builder().build();

  private static final HtmlRenderer RENDERER =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(PROTOCOLS))
          .build();

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "em",
              "strong",
              "code",
              "pre",
              "ul",
              "ol",
              "li",
              "blockquote",
              "h2",
              "h3",
              "h4",
              "br",
              "a")
          .allowAttributes("href")
          .onElements("a")
          .allowUrlProtocols(PROTOCOLS.toArray(String[]::new))
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .toFactory();

  /** Safe HTML for the Markdown; empty for none. */
  public String render(String markdown) {
    return POLICY.sanitize(RENDERER.render(PARSER.parse(markdown)));
  }
}
