package dev.berth.daemon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.filters.Filters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the {@code filters} query parameter: the CLI's map form {@code {"label":{"a=b":true}}} and the legacy
 * list form {@code {"label":["a=b"]}} (moby {@code filters.FromJSON}).
 */
final class FiltersParser {
  private FiltersParser() {}

  static Filters parse(String json) {
    if (json == null || json.isBlank()) {
      return Filters.empty();
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new InvalidParameterException("invalid filter: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isNull()) {
      return Filters.empty();
    }
    if (!root.isObject()) {
      throw new InvalidParameterException("invalid filter: expected a JSON object");
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    root.fields().forEachRemaining(e -> {
      List<String> values = new ArrayList<>();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        v.fields().forEachRemaining(kv -> {
          if (kv.getValue().asBoolean(false)) {
            values.add(kv.getKey());
          }
        });
      } else if (v.isArray()) {
        v.forEach(x -> values.add(x.asText()));
      } else if (v.isTextual()) {
        values.add(v.asText());
      } else if (!v.isNull()) {
        throw new InvalidParameterException("invalid filter: unexpected value for " + e.getKey());
      }
      out.put(e.getKey(), values);
    });
    return Filters.of(out);
  }
}
