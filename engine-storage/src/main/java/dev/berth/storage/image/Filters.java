package dev.berth.storage.image;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's filter arguments ({@code filters.Args}): each key maps to the values given for it. The daemon parses
 * either JSON form ({@code {"k":{"v":true}}} or {@code {"k":["v"]}}) into this map.
 */
public record Filters(Map<String, List<String>> values) {
  public Filters {
    values = values == null ? Map.of() : Map.copyOf(values);
  }

  public static Filters none() {
    return new Filters(Map.of());
  }

  public boolean contains(String key) {
    return values.containsKey(key);
  }

  public List<String> get(String key) {
    return values.getOrDefault(key, List.of());
  }

  /** Rejects unknown keys with dockerd's message. */
  public void validate(Set<String> accepted) {
    for (String k : values.keySet()) {
      if (!accepted.contains(k)) {
        throw new InvalidParameterException("invalid filter '" + k + "'");
      }
    }
  }

  /**
   * moby {@code GetBoolOrDefault}: {@code true}/{@code 1} or {@code false}/{@code 0} (case-sensitive); anything
   * else, or both, fails with {@code invalid filter 'dangling=[x]'}.
   */
  public boolean getBool(String key, boolean dflt) {
    List<String> v = get(key);
    if (v.isEmpty()) {
      return dflt;
    }
    boolean isTrue = v.contains("true") || v.contains("1");
    boolean isFalse = v.contains("false") || v.contains("0");
    if (isTrue == isFalse) {
      throw new InvalidParameterException("invalid filter '" + key + "=" + dev.berth.api.filters.Filters.goList(v)
          + "'");
    }
    return isTrue;
  }

  /** {@code MatchKVList}: every {@code key} or {@code key=value} of the filter is present in {@code labels}. */
  public boolean matchKVList(String key, Map<String, String> labels) {
    for (String f : get(key)) {
      int eq = f.indexOf('=');
      String k = eq < 0 ? f : f.substring(0, eq);
      if (!labels.containsKey(k)) {
        return false;
      }
      if (eq >= 0 && !labels.get(k).equals(f.substring(eq + 1))) {
        return false;
      }
    }
    return true;
  }

  /** dockerd's label/label! pair as used by prune. */
  public boolean matchLabels(Map<String, String> labels) {
    if (!matchKVList("label", labels)) {
      return false;
    }
    if (!contains("label!")) {
      return true;
    }
    for (String f : get("label!")) {
      if (new Filters(Map.of("x", List.of(f))).matchKVList("x", labels)) {
        return false;
      }
    }
    return true;
  }
}
