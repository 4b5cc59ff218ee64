package dev.portico.extensions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portico.system.InvalidInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * EXT-6 against the hostile corpus in {@code src/test/resources/extensions/hostile-svg/}: every
 * file is either refused with a message on field {@code icon}, or stored only as sanitized output
 * with no script, event handler, foreign content, {@code javascript:}, external reference, DOCTYPE
 * or entity left, and with its harmless {@code <rect id="kept">} still there (so a sanitizer that
 * dropped everything would fail too). Each file is listed below as refused or neutralised.
 */
class HostileSvgTests {

  private static final String CORPUS = "extensions/hostile-svg/";

  /** Files that must be refused, and the start of the message that says why. */
  private static final Map<String, String> REFUSED =
      Map.ofEntries(
          Map.entry("xxe-file.svg", "must not contain a DOCTYPE"),
          Map.entry("xxe-external-dtd.svg", "must not contain a DOCTYPE"),
          Map.entry("xxe-parameter-entity.svg", "must not contain a DOCTYPE"),
          Map.entry("billion-laughs.svg", "must not contain a DOCTYPE"),
          Map.entry("html.svg", "must not contain a DOCTYPE"),
          Map.entry("xhtml.svg", "must be an SVG image"),
          Map.entry("svg-wrong-namespace.svg", "must be an SVG image"),
          Map.entry("not-well-formed.svg", "is not a well-formed SVG image"),
          Map.entry("only-script.svg", "has nothing left to draw"));

  /** Files whose dangerous parts are removed; what stays is a harmless icon. */
  private static final Set<String> NEUTRALISED =
      Set.of(
          "script.svg",
          "onload.svg",
          "onclick-child.svg",
          "foreign-object.svg",
          "xlink-href-javascript.svg",
          "href-data-html.svg",
          "use-external.svg",
          "image-http.svg",
          "style-import.svg",
          "style-attribute-url.svg",
          "a-javascript.svg",
          "animate-href.svg",
          "mixed-case-and-namespaces.svg",
          "prefixed-root.svg",
          "pi-and-comments.svg");

  private final IconPolicy policy = new IconPolicy();

  @Test
  void everyCorpusFileIsListedAsRefusedOrNeutralised() {
    Set<String> listed = new TreeSet<>(REFUSED.keySet());
    listed.addAll(NEUTRALISED);
    listed.add("png-renamed.svg");
    assertThat(corpus().toList()).containsExactlyInAnyOrderElementsOf(listed);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void hostileSvgIsRefusedOrStoredWithoutAnythingActive(String file) {
    byte[] bytes = read(CORPUS + file);
    InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> policy.accept(bytes));
    if (refused != null) {
      assertThat(refused.violations())
          .singleElement()
          .satisfies(
              v -> {
                assertThat(v.field()).isEqualTo("icon");
                assertThat(v.message()).doesNotContain("alert", "evil", "passwd");
              });
      return;
    }
    ExtensionRows.Icon icon = policy.accept(bytes);
    if (icon.type().equals(IconPolicy.PNG_TYPE)) {
      assertThat(icon.bytes()).isEqualTo(bytes); // a PNG, whatever the file was named
      return;
    }
    assertThat(icon.type()).isEqualTo(IconPolicy.SVG_TYPE);
    assertHarmless(new String(icon.bytes(), StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void fileThatCannotBeMadeSafeIsRefusedWithAMessage(String file) {
    byte[] bytes = read(CORPUS + file);
    assertThatThrownBy(() -> policy.accept(bytes))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.violations())
                    .singleElement()
                    .satisfies(v -> assertThat(v.message()).startsWith(REFUSED.get(file))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("neutralised")
  void hostileSvgWithAHarmlessShapeKeepsTheShape(String file) {
    ExtensionRows.Icon icon = policy.accept(read(CORPUS + file));
    String svg = new String(icon.bytes(), StandardCharsets.UTF_8);
    assertThat(icon.type()).isEqualTo(IconPolicy.SVG_TYPE);
    assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("id=\"kept\"");
    assertHarmless(svg);
  }

  @Test
  void pngNamedSvgIsStoredAsThePngItIs() {
    byte[] bytes = read(CORPUS + "png-renamed.svg");
    assertThat(policy.accept(bytes).type()).isEqualTo(IconPolicy.PNG_TYPE);
  }

  @Test
  void svgLargerThan256KibIsRefused() {
    String path = "<path d=\"M0 0 L1 1\"/>";
    String big =
        "<svg xmlns=\"http://www.w3.org/2000/svg\">"
            + path.repeat(IconPolicy.MAX_BYTES / path.length() + 1)
            + "</svg>";
    assertThatThrownBy(() -> policy.accept(big.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.violations().get(0).message()).isEqualTo("must be at most 256 KiB"));
  }

  /** What no stored SVG may contain, whatever the upload held. */
  static void assertHarmless(String svg) {
    String lower = svg.toLowerCase(Locale.ROOT);
    String withoutNamespaces =
        lower
            .replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
            .replace("xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "");
    assertThat(lower)
        .doesNotContain(
            "script",
            "foreignobject",
            "javascript:",
            "<!doctype",
            "<!entity",
            "<?",
            "<!--",
            "<image",
            "<feimage",
            "<a ",
            "<a>",
            "<animate",
            "<set",
            "<iframe",
            "include",
            "@import",
            "expression(",
            "\\")
        .doesNotContainPattern("\\son[a-z]*\\s*=")
        .doesNotContainPattern("url\\(\\s*['\"]?\\s*[^#'\"\\s]");
    assertThat(withoutNamespaces)
        .doesNotContain("http:", "https:", "file:", "data:", "//", "xmlns:", "x.svg");
  }

  static Stream<String> corpus() {
    try {
      Resource[] files =
          new PathMatchingResourcePatternResolver().getResources("classpath:" + CORPUS + "*");
      return Stream.of(files).map(Resource::getFilename).filter(Objects::nonNull).sorted();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<String> refused() {
    return REFUSED.keySet().stream().sorted();
  }

  static Stream<String> neutralised() {
    return NEUTRALISED.stream().sorted();
  }

  static byte[] read(String resource) {
    try (InputStream in = HostileSvgTests.class.getClassLoader().getResourceAsStream(resource)) {
      return Objects.requireNonNull(in, resource).readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
