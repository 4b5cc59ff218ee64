package dev.portico.extensions.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an extension's SVG icon may keep (EXT-6): elements and attributes by exact (case-sensitive,
 * namespace-aware) name, and the checks on attribute values and {@code <style>} text. Anything not
 * listed here is dropped by {@link SvgSanitizer}; the lists name shapes, paint servers and
 * presentation, never scripting, animation, links, embedded documents or images.
 */
final class SvgAllowList {

  static final String SVG_NS = "http://www.w3.org/2000/svg";
  static final String XLINK_NS = "http://www.w3.org/1999/xlink";
  static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

  /**
   * SVG elements kept (in the SVG namespace only). Not here, so dropped with their content: {@code
   * script}, {@code foreignObject}, {@code a}, {@code image}, {@code feImage}, {@code animate},
   * {@code set}, {@code animate*}, {@code iframe}, {@code metadata}, editors' own elements.
   */
  static final Set<String> ELEMENTS =
      Set.of(
          "svg",
          "g",
          "defs",
          "symbol",
          "use",
          "title",
          "desc",
          "style",
          "path",
          "rect",
          "circle",
          "ellipse",
          "line",
          "polyline",
          "polygon",
          "text",
          "tspan",
          "linearGradient",
          "radialGradient",
          "stop",
          "pattern",
          "clipPath",
          "mask",
          "marker",
          "filter",
          "feGaussianBlur",
          "feOffset",
          "feBlend",
          "feColorMatrix",
          "feComposite",
          "feFlood",
          "feMerge",
          "feMergeNode",
          "feDropShadow");

  /** Elements whose text is kept; elsewhere text is only whitespace between elements. */
  static final Set<String> TEXT_ELEMENTS = Set.of("text", "tspan", "title", "desc", "style");

  /** Attributes in no namespace that are kept: geometry, presentation, paint servers, identity. */
  static final Set<String> ATTRIBUTES =
      Set.of(
          // identity and document
          "id",
          "class",
          "style",
          "version",
          "lang",
          "viewBox",
          "preserveAspectRatio",
          // geometry
          "x",
          "y",
          "x1",
          "y1",
          "x2",
          "y2",
          "cx",
          "cy",
          "r",
          "rx",
          "ry",
          "fx",
          "fy",
          "fr",
          "width",
          "height",
          "d",
          "points",
          "pathLength",
          "transform",
          "offset",
          // paint servers, clipping, masking, markers
          "gradientUnits",
          "gradientTransform",
          "spreadMethod",
          "patternUnits",
          "patternContentUnits",
          "patternTransform",
          "clipPathUnits",
          "maskUnits",
          "maskContentUnits",
          "refX",
          "refY",
          "markerWidth",
          "markerHeight",
          "markerUnits",
          "orient",
          "href",
          // filters (no feImage: it loads resources)
          "filterUnits",
          "primitiveUnits",
          "in",
          "in2",
          "result",
          "stdDeviation",
          "dx",
          "dy",
          "mode",
          "type",
          "values",
          "operator",
          "k1",
          "k2",
          "k3",
          "k4",
          // text
          "rotate",
          "textLength",
          "lengthAdjust",
          "text-anchor",
          "dominant-baseline",
          "alignment-baseline",
          "baseline-shift",
          "font-family",
          "font-size",
          "font-weight",
          "font-style",
          "font-variant",
          "font-stretch",
          "letter-spacing",
          "word-spacing",
          "text-decoration",
          "writing-mode",
          // presentation
          "fill",
          "fill-opacity",
          "fill-rule",
          "stroke",
          "stroke-width",
          "stroke-linecap",
          "stroke-linejoin",
          "stroke-miterlimit",
          "stroke-dasharray",
          "stroke-dashoffset",
          "stroke-opacity",
          "opacity",
          "color",
          "display",
          "visibility",
          "clip-path",
          "clip-rule",
          "mask",
          "filter",
          "stop-color",
          "stop-opacity",
          "flood-color",
          "flood-opacity",
          "lighting-color",
          "marker-start",
          "marker-mid",
          "marker-end",
          "shape-rendering",
          "text-rendering",
          "image-rendering",
          "color-interpolation",
          "color-interpolation-filters",
          "vector-effect",
          "paint-order",
          "overflow",
          "transform-origin",
          "mix-blend-mode",
          "isolation");

  /** A reference to an element of the same document, and nothing else. */
  private static final Pattern LOCAL_FRAGMENT = Pattern.compile("#[A-Za-z_][A-Za-z0-9_.:-]*");

  /** Where a CSS {@code url(} starts; what follows must be a local fragment. */
  private static final Pattern URL_FUNCTION = Pattern.compile("url\\(\\s*['\"]?\\s*(.)");

  /**
   * Text that has no business in an icon's attribute or style sheet, looked for after {@link
   * #squeeze} (browsers skip whitespace and control characters inside a scheme: a tab inside
   * "javascript:" is still "javascript:").
   */
  private static final Pattern FORBIDDEN =
      Pattern.compile("javascript:|vbscript:|data:|expression\\(|@import|behavior:|-moz-binding");

  private SvgAllowList() {}

  static boolean element(String namespace, String localName) {
    return SVG_NS.equals(namespace) && ELEMENTS.contains(localName);
  }

  /**
   * Whether an attribute is kept: listed, never an event handler, its value free of forbidden text
   * and of {@code url(} references to anything but {@code #id}; an {@code href} must be {@code
   * #id}.
   */
  static boolean attribute(String namespace, String localName, String value) {
    if (localName.toLowerCase(Locale.ROOT).startsWith("on")) {
      return false; // an event handler in any spelling or namespace
    }
    boolean href;
    if (namespace.isEmpty()) {
      if (!ATTRIBUTES.contains(localName)) {
        return false;
      }
      href = localName.equals("href");
    } else if (XLINK_NS.equals(namespace)) {
      if (!localName.equals("href")) {
        return false;
      }
      href = true;
    } else if (XML_NS.equals(namespace)) {
      return (localName.equals("space") || localName.equals("lang")) && safeText(value);
    } else {
      return false;
    }
    return href ? localReference(value) : safeText(value);
  }

  static boolean localReference(String value) {
    return LOCAL_FRAGMENT.matcher(value.strip()).matches();
  }

  /**
   * Whether attribute or style sheet text is free of script, imports, escapes and {@code url(}
   * references to anything but an element of the same document.
   */
  static boolean safeText(String text) {
    if (text.indexOf('\\') >= 0) {
      return false; // CSS escapes spell anything: u\72l( is url(
    }
    String squeezed = squeeze(text);
    if (FORBIDDEN.matcher(squeezed).find()) {
      return false;
    }
    Matcher url = URL_FUNCTION.matcher(squeezed);
    while (url.find()) {
      if (!url.group(1).equals("#")) {
        return false;
      }
    }
    return true;
  }

  /** Lower case, without the control characters and spaces browsers may skip in a scheme. */
  private static String squeeze(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    text.codePoints()
        .filter(c -> c > 0x20 && c != 0x7f)
        .forEach(c -> sb.appendCodePoint(Character.toLowerCase(c)));
    return sb.toString();
  }
}
