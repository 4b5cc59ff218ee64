package dev.portico.extensions.web;

import dev.portico.extensions.ReplacementAttribute;
import dev.portico.system.InvalidInput;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;

/**
 * The context values of an action run as posted: one form parameter per replacement attribute, by
 * its key ({@code documentId=…}); unknown parameters ({@code _csrf} among them) are ignored.
 */
final class ActionContextParams {

  static final int MAX_VALUE = 1000;

  private ActionContextParams() {}

  /** The values by attribute; {@link InvalidInput} naming a value over 1000 characters. */
  static Map<ReplacementAttribute, String> of(MultiValueMap<String, String> params) {
    Map<ReplacementAttribute, String> values = new EnumMap<>(ReplacementAttribute.class);
    for (Map.Entry<String, List<String>> p : params.entrySet()) {
      Optional<ReplacementAttribute> attribute = ReplacementAttribute.ofKey(p.getKey());
      List<String> given = p.getValue();
      if (attribute.isEmpty() || given == null || given.isEmpty() || given.get(0) == null) {
        continue;
      }
      String value = given.get(0);
      if (value.length() > MAX_VALUE) {
        throw InvalidInput.of(
            attribute.get().key(), "must be at most " + MAX_VALUE + " characters");
      }
      values.put(attribute.get(), value);
    }
    return values;
  }
}
