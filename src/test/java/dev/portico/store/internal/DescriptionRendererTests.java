package dev.portico.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * STO-1's description: a Markdown subset whose HTML is escaped by commonmark and then passed
 * through an allow-list. The hostile corpus must come out without any active content.
 */
class DescriptionRendererTests {

  private final DescriptionRenderer renderer = new DescriptionRenderer();

  @Test
  void theSubsetRendersParagraphsEmphasisListsAndLinksWithSafeRels() {
    String html =
        renderer.render(
            "Hello **bold** and *italic*.\n\n- one\n- two\n\n1. first\n\n"
                + "[docs](https://example.com/docs) and [mail](mailto:help@example.com)");

    assertThat(html)
        .contains("<p>Hello <strong>bold</strong> and <em>italic</em>.</p>")
        .contains("<ul><li>one</li><li>two</li></ul>")
        .contains("<ol><li>first</li></ol>")
        .containsPattern("<a href=\"https://example.com/docs\" rel=\"[a-z ]+\">docs</a>")
        .contains("href=\"mailto:help&#64;example.com\"");
    assertThat(html.split("rel=\"", -1)).hasSize(3);
    for (String rel : new String[] {"nofollow", "noopener", "noreferrer"}) {
      assertThat(html.split("rel=\"[^\"]*\\b" + rel + "\\b", -1)).as(rel).hasSize(3);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "Text <script>alert(1)</script> inline",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java&#x09;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "<javascript:alert(1)>",
        "<img src=x onerror=alert(1)>",
        "![x](x\" onerror=\"alert(1))",
        "![x](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml,<svg onload=alert(1)>)",
        "<div>**nested** <a href=\"javascript:alert(1)\">a</a></div>",
        "> <iframe src=\"https://evil.example\"></iframe>",
        "- <svg><script>alert(1)</script></svg>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "[x](vbscript:msgbox(1))",
        "[x](file:///etc/passwd)",
        "<style>body{display:none}</style>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "[x]: javascript:alert(1)\n\n[click][x]",
        "<form action=\"https://evil.example\"><input></form>"
      })
  void hostileMarkdownLeavesNoActiveContent(String markdown) {
    String html = renderer.render(markdown).toLowerCase(Locale.ROOT);

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<svg")
        .doesNotContain("<iframe")
        .doesNotContain("<style")
        .doesNotContain("<div")
        .doesNotContain("<form")
        .doesNotContain("<input")
        .doesNotContain("onerror=")
        .doesNotContain("onclick=")
        .doesNotContain("onload=")
        .doesNotContainPattern("href=\"[^\"]*(javascript|vbscript|data|file):")
        .doesNotContain("src=");
    // what is left of a refused link or tag is inert text: no element but the allow-list
    assertThat(html.replaceAll("</?(p|em|strong|code|pre|ul|ol|li|blockquote|h[234]|br)>", ""))
        .doesNotContainPattern("<(?!a href=\"(https?|mailto):[^\"]*\" rel=|a href=\"\" rel=|/a>)");
  }

  @Test
  void rawHtmlIsShownAsTextNotDropped() {
    assertThat(renderer.render("<b>hi</b>")).contains("&lt;b&gt;hi&lt;/b&gt;");
  }

  @Test
  void headingsOutsideTheAllowListKeepTheirTextOnly() {
    assertThat(renderer.render("# Big\n\n## Section"))
        .doesNotContain("<h1")
        .contains("Big")
        .contains("<h2>Section</h2>");
  }
}
