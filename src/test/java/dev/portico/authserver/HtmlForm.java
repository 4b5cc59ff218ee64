package dev.portico.authserver;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTML form read without knowing the page: its action, its hidden inputs (CSRF token, state,
 * client id…), its checkboxes ticked (the user approves every scope asked for), and the submit
 * button that approves, with its name and value if it has them.
 */
record HtmlForm(URI action, String method, List<Map.Entry<String, String>> fields, String html) {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.DOTALL;
  private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", FLAGS);
  private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>", FLAGS);
  private static final Pattern BUTTON = Pattern.compile("<button\\b([^>]*)>(.*?)</button>", FLAGS);
  private static final Pattern ATTRIBUTE =
      Pattern.compile(
          "([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern APPROVES =
      Pattern.compile("authori[sz]e|allow|approve|consent|accept|grant", FLAGS);
  private static final Pattern REFUSES = Pattern.compile("deny|cancel|reject|decline", FLAGS);

  /** Every form of the page, with no submit button chosen. */
  static List<HtmlForm> all(HttpResponse<String> page) {
    List<HtmlForm> forms = new ArrayList<>();
    Matcher m = FORM.matcher(page.body());
    while (m.find()) {
      Map<String, String> attributes = attributes(m.group(1));
      URI action = page.uri().resolve(attributes.getOrDefault("action", page.uri().toString()));
      String method = attributes.getOrDefault("method", "get").toUpperCase(Locale.ROOT);
      forms.add(new HtmlForm(action, method, inputs(m.group(2)), m.group(2)));
    }
    return forms;
  }

  /** The POST form whose submit button approves (not the Deny or Cancel one), ready to send. */
  static Optional<HtmlForm> approving(HttpResponse<String> page) {
    for (HtmlForm form : all(page)) {
      if (!form.method().equals("POST")) {
        continue;
      }
      for (Map<String, String> button : form.submitButtons()) {
        String label = button.getOrDefault("label", "") + " " + button.getOrDefault("value", "");
        if (APPROVES.matcher(label).find() && !REFUSES.matcher(label).find()) {
          if (button.containsKey("name")) {
            form.fields().add(Map.entry(button.get("name"), button.getOrDefault("value", "")));
          }
          return Optional.of(form);
        }
      }
    }
    return Optional.empty();
  }

  void set(String name, String value) {
    fields.removeIf(f -> f.getKey().equals(name));
    fields.add(Map.entry(name, value));
  }

  private List<Map<String, String>> submitButtons() {
    List<Map<String, String>> buttons = new ArrayList<>();
    Matcher b = BUTTON.matcher(html);
    while (b.find()) {
      Map<String, String> attributes = attributes(b.group(1));
      String type = attributes.getOrDefault("type", "submit").toLowerCase(Locale.ROOT);
      if (type.equals("submit") && !attributes.containsKey("disabled")) {
        attributes.put("label", unescape(TAG.matcher(b.group(2)).replaceAll(" ")).strip());
        buttons.add(attributes);
      }
    }
    Matcher i = INPUT.matcher(html);
    while (i.find()) {
      Map<String, String> attributes = attributes(i.group(1));
      if (attributes.getOrDefault("type", "").equalsIgnoreCase("submit")) {
        buttons.add(attributes);
      }
    }
    return buttons;
  }

  private static List<Map.Entry<String, String>> inputs(String html) {
    List<Map.Entry<String, String>> fields = new ArrayList<>();
    Matcher i = INPUT.matcher(html);
    while (i.find()) {
      Map<String, String> attributes = attributes(i.group(1));
      String name = attributes.get("name");
      String type = attributes.getOrDefault("type", "text").toLowerCase(Locale.ROOT);
      if (name == null || attributes.containsKey("disabled")) {
        continue;
      }
      boolean sent =
          switch (type) {
            case "submit", "button", "reset", "image", "file" -> false;
            case "checkbox" -> true;
            case "radio" -> attributes.containsKey("checked");
            default -> true;
          };
      if (sent) {
        String fallback = type.equals("checkbox") || type.equals("radio") ? "on" : "";
        fields.add(Map.entry(name, attributes.getOrDefault("value", fallback)));
      }
    }
    return fields;
  }

  private static Map<String, String> attributes(String tag) {
    Map<String, String> attributes = new LinkedHashMap<>();
    Matcher a = ATTRIBUTE.matcher(tag);
    while (a.find()) {
      String value =
          a.group(2) != null
              ? a.group(2)
              : a.group(3) != null ? a.group(3) : a.group(4) != null ? a.group(4) : "";
      attributes.putIfAbsent(a.group(1).toLowerCase(Locale.ROOT), unescape(value));
    }
    return attributes;
  }

  private static String unescape(String html) {
    Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(html);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String entity = m.group(1);
      String character =
          switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default ->
                Character.toString(
                    entity.startsWith("#x")
                        ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1)));
          };
      m.appendReplacement(out, Matcher.quoteReplacement(character));
    }
    m.appendTail(out);
    return out.toString();
  }
}
