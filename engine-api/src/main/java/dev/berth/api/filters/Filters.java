package dev.berth.api.filters;

import dev.berth.api.errors.InvalidParameterException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code filters} query parameter after parsing (moby {@code filters.Args}): a key maps to a set of values.
 * The HTTP layer accepts both JSON forms clients send ({@code {"label":{"a=b":true}}} and
 * {@code {"label":["a=b"]}}); backends only see this value.
 */
public final class Filters {
  private static final Filters EMPTY = new Filters(Map.of());
  private final Map<String, Set<String>> fields;

  private Filters(Map<String, Set<String>> fields) {
    this.fields = fields;
  }

  public static Filters empty() {
    return EMPTY;
  }

  public static Filters of(Map<String, ? extends Collection<String>> raw) {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    raw.forEach((k, v) -> m.put(k, Set.copyOf(new TreeSet<>(v))));
    return new Filters(Map.copyOf(m));
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }

  public boolean contains(String key) {
    return fields.containsKey(key);
  }

  public Set<String> values(String key) {
    return fields.getOrDefault(key, Set.of());
  }

  public Set<String> keys() {
    return fields.keySet();
  }

  /** Fails with dockerd's message for a key the endpoint does not know. */
  public void validate(Set<String> accepted) {
    for (String k : fields.keySet()) {
      if (!accepted.contains(k)) {
        throw new InvalidParameterException("invalid filter '" + k + "'");
      }
    }
  }

  /** True when the key is absent or one of its values equals {@code value} (moby {@code ExactMatch}). */
  public boolean exactMatch(String key, String value) {
    Set<String> vs = fields.get(key);
    return vs == null || vs.isEmpty() || vs.contains(value);
  }

  /** True when the key is absent or one of its values is a prefix of / equal to {@code value}. */
  public boolean fuzzyMatch(String key, String value) {
    Set<String> vs = fields.get(key);
    if (vs == null || vs.isEmpty()) {
      return true;
    }
    for (String v : vs) {
      if (value.startsWith(v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Label-style matching (moby {@code MatchKVList}): every value {@code k} or {@code k=v} must be satisfied by
   * {@code labels}; an absent key matches everything.
   */
  public boolean matchLabels(String key, Map<String, String> labels) {
    Set<String> vs = fields.get(key);
    if (vs == null || vs.isEmpty()) {
      return true;
    }
    if (labels == null) {
      return false;
    }
    for (String v : vs) {
      int eq = v.indexOf('=');
      if (eq < 0) {
        if (!labels.containsKey(v)) {
          return false;
        }
      } else if (!v.substring(eq + 1).equals(labels.get(v.substring(0, eq)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * moby {@code GetBoolOrDefault}: {@code true}/{@code 1} or {@code false}/{@code 0} (case-sensitive); anything
   * else, or both, fails with {@code invalid filter 'dangling=[x]'} (Go prints the values as a list).
   */
  public boolean booleanValue(String key, boolean absent) {
    Set<String> vs = values(key);
    if (!contains(key)) {
      return absent;
    }
    boolean isTrue = vs.contains("true") || vs.contains("1");
    boolean isFalse = vs.contains("false") || vs.contains("0");
    if (isTrue == isFalse) {
      throw new InvalidParameterException("invalid filter '" + key + "=" + goList(vs) + "'");
    }
    return isTrue;
  }

  /** Go's {@code %s} of a {@code []string}: {@code [a b]} (sorted here; Go's map order is random). */
  public static String goList(java.util.Collection<String> values) {
    return "[" + String.join(" ", new java.util.TreeSet<>(values)) + "]";
  }

  public Map<String, Set<String>> asMap() {
    return fields;
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
