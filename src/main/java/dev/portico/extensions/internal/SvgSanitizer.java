package dev.portico.extensions.internal;

import dev.portico.system.InvalidInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Turns an uploaded SVG into the SVG Portico stores and serves (EXT-6), or refuses it with {@link
 * InvalidInput} on field {@code icon}.
 *
 * <p>Refused: anything that is not well-formed XML, a DOCTYPE (so no entities, internal or
 * external: XXE and "billion laughs" never get parsed), a root that is not {@code svg} in the SVG
 * namespace, nesting deeper than {@value #MAX_DEPTH} levels, and an image with no element left once
 * the rest is removed (it was all script or foreign content: better said than stored blank).
 *
 * <p>Neutralised: the result is a <em>new</em> document into which only what {@link SvgAllowList}
 * lists is copied, so what is not known to be harmless never reaches it: other elements are dropped
 * with their content ({@code script}, {@code foreignObject}, {@code a}, {@code image}, animation,
 * other namespaces), attributes are dropped when not listed, when an event handler ({@code on*}),
 * when an {@code href} is not {@code #id}, or when their value holds script, an import, a CSS
 * escape or a {@code url(} to anything but {@code #id}; a {@code <style>} element is kept only when
 * its text passes the same check, a {@code <use>} only with a local {@code #id} reference.
 * Comments, processing instructions and CDATA markers go; element and attribute names are written
 * in canonical form (no prefixes but {@code xlink:}).
 */
final class SvgSanitizer {

  static final int MAX_DEPTH = 64;

  private SvgSanitizer() {}

  /** The sanitized SVG (UTF-8, no XML declaration, no DOCTYPE) of these bytes. */
  static byte[] sanitize(byte[] bytes) {
    Document uploaded = parse(bytes);
    Element root = uploaded.getDocumentElement();
    if (!SvgAllowList.SVG_NS.equals(root.getNamespaceURI()) || !"svg".equals(root.getLocalName())) {
      throw refused("must be an SVG image (an <svg> root element in the SVG namespace)");
    }
    Document clean = newBuilder().newDocument();
    Element svg = copy(root, clean, 0);
    if (svg == null) { // never: an <svg> root is always copied
      throw refused("must be an SVG image");
    }
    if (!hasChildElement(svg)) {
      throw refused(
          "has nothing left to draw once scripts, links and other content not allowed"
              + " in an icon are removed");
    }
    clean.appendChild(svg);
    svg.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns", SvgAllowList.SVG_NS);
    if (hasXlinkAttribute(svg)) {
      svg.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xlink", SvgAllowList.XLINK_NS);
    }
    return serialize(clean);
  }

  private static Document parse(byte[] bytes) {
    try {
      return newBuilder().parse(new InputSource(new ByteArrayInputStream(bytes)));
    } catch (SAXException e) {
      if (declaresDocumentType(bytes)) {
        throw refused("must not contain a DOCTYPE or entity declarations");
      }
      throw refused("is not a well-formed SVG image");
    } catch (IOException e) {
      throw refused("is not a well-formed SVG image");
    }
  }

  /**
   * Copies an allowed element with its allowed attributes and children, or answers {@code null}
   * when the element is dropped.
   */
  private static @Nullable Element copy(Element from, Document to, int depth) {
    String name = from.getLocalName();
    if (name == null || !SvgAllowList.element(from.getNamespaceURI(), name)) {
      return null;
    }
    if (depth > MAX_DEPTH) {
      throw refused("is nested too deeply (at most " + MAX_DEPTH + " levels)");
    }
    if (name.equals("use") && !hasLocalHref(from)) {
      return null;
    }
    if (name.equals("style") && !SvgAllowList.safeText(from.getTextContent())) {
      return null;
    }
    Element copy = to.createElementNS(SvgAllowList.SVG_NS, name);
    copyAttributes(from, copy);
    for (Node child = from.getFirstChild(); child != null; child = child.getNextSibling()) {
      switch (child.getNodeType()) {
        case Node.ELEMENT_NODE -> {
          Element kept = copy((Element) child, to, depth + 1);
          if (kept != null) {
            copy.appendChild(kept);
          }
        }
        case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> {
          if (SvgAllowList.TEXT_ELEMENTS.contains(name)) {
            copy.appendChild(to.createTextNode(child.getNodeValue()));
          }
        }
        default -> {} // comments and processing instructions are dropped
      }
    }
    return copy;
  }

  private static void copyAttributes(Element from, Element to) {
    NamedNodeMap attributes = from.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String namespace = a.getNamespaceURI() == null ? "" : a.getNamespaceURI();
      String localName = a.getLocalName() == null ? a.getName() : a.getLocalName();
      if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(namespace)) {
        continue; // namespace declarations are written anew
      }
      if (!SvgAllowList.attribute(namespace, localName, a.getValue())) {
        continue;
      }
      switch (namespace) {
        case "" -> to.setAttribute(localName, a.getValue());
        case SvgAllowList.XLINK_NS ->
            to.setAttributeNS(namespace, "xlink:" + localName, a.getValue());
        default -> to.setAttributeNS(namespace, "xml:" + localName, a.getValue());
      }
    }
  }

  private static boolean hasLocalHref(Element use) {
    String href = use.getAttribute("href");
    String xlink = use.getAttributeNS(SvgAllowList.XLINK_NS, "href");
    boolean any = !href.isEmpty() || !xlink.isEmpty();
    return any
        && (href.isEmpty() || SvgAllowList.localReference(href))
        && (xlink.isEmpty() || SvgAllowList.localReference(xlink));
  }

  private static boolean hasChildElement(Element e) {
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasXlinkAttribute(Element e) {
    if (e.hasAttributeNS(SvgAllowList.XLINK_NS, "href")) {
      return true;
    }
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child && hasXlinkAttribute(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean declaresDocumentType(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
    return text.contains("<!DOCTYPE") || text.contains("<!ENTITY");
  }

  private static byte[] serialize(Document document) {
    try {
      TransformerFactory factory = TransformerFactory.newInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
      Transformer transformer = factory.newTransformer();
      transformer.setOutputProperty(OutputKeys.METHOD, "xml");
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
      transformer.setOutputProperty(OutputKeys.INDENT, "no");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(new DOMSource(document), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot write a sanitized SVG", e);
    }
  }

  /**
   * A namespace-aware parser that reads no DOCTYPE (so no entity of any kind), loads nothing
   * external and expands nothing.
   */
  private static DocumentBuilder newBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      factory.setValidating(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(THROWING);
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are not read");
          });
      return builder;
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
    }
  }

  /** Every warning or error is fatal, and none is printed to the console. */
  private static final ErrorHandler THROWING =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private static InvalidInput refused(String message) {
    return InvalidInput.of("icon", message);
  }
}
