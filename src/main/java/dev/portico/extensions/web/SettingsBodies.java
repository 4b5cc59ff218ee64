package dev.portico.extensions.web;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.portico.extensions.AppSetting;
import dev.portico.system.InvalidInput;
import dev.portico.system.InvalidInput.FieldViolation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings store's bodies (API-2), in the reference platform's shape: {@code {"settings":
 * [{"key": "…", "value": <any JSON>}]}} both ways.
 */
final class SettingsBodies {

  private SettingsBodies() {}

  /** The body of a GET and of a POST's answer. */
  @Schema(name = "AppSettings")
  record Settings(List<Setting> settings) {

    static Settings of(List<AppSetting> stored) {
      return new Settings(stored.stream().map(s -> new Setting(s.key(), s.json())).toList());
    }
  }

  /** One entry; the value is any JSON value, stored and answered as it was sent. */
  @Schema(name = "AppSetting")
  record Setting(
      @Schema(description = "1 to 100 of `[A-Za-z0-9._-]`") String key,
      @Schema(description = "Any JSON value, at most 10 KiB as JSON", implementation = Object.class)
          @JsonRawValue
          String value) {}

  /**
   * The entries of a POST body, each value as compact JSON text; every entry of the wrong shape is
   * refused at its field ({@code settings[2].key}) and nothing is taken.
   */
  static List<AppSetting> entries(JsonNode body, JsonMapper json) {
    JsonNode settings = body.isObject() ? body.get("settings") : null;
    if (settings == null || !settings.isArray()) {
      throw InvalidInput.of("settings", "must be an array of {key, value}");
    }
    List<FieldViolation> problems = new ArrayList<>();
    List<AppSetting> entries = new ArrayList<>();
    for (int i = 0; i < settings.size(); i++) {
      JsonNode entry = settings.get(i);
      String at = "settings[" + i + "]";
      if (!entry.isObject()) {
        problems.add(new FieldViolation(at, "must be an object {key, value}"));
        continue;
      }
      JsonNode key = entry.get("key");
      if (key == null || !key.isString()) {
        problems.add(new FieldViolation(at + ".key", "is required and must be a string"));
      }
      JsonNode value = entry.get("value");
      if (value == null || value.isMissingNode()) {
        problems.add(new FieldViolation(at + ".value", "is required (any JSON value)"));
      }
      if (key != null && key.isString() && value != null && !value.isMissingNode()) {
        entries.add(new AppSetting(key.asString(), json.writeValueAsString(value)));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInput(problems);
    }
    return entries;
  }

  /** The request body's schema, for the OpenAPI document. */
  @Schema(
      name = "AppSettingsChange",
      example = "{\"settings\":[{\"key\":\"units\",\"value\":\"mm\"}]}")
  record Change(List<Map<String, Object>> settings) {}
}
