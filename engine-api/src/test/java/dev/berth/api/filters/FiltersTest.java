package dev.berth.api.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiltersTest {

  private static Filters of(String key, String... values) {
    return Filters.of(Map.of(key, List.of(values)));
  }

  @Test
  void empty_matchesEverything() {
    Filters f = Filters.empty();
    assertTrue(f.isEmpty());
    assertFalse(f.contains("label"));
    assertEquals(Set.of(), f.values("label"));
    assertTrue(f.exactMatch("name", "x"));
    assertTrue(f.fuzzyMatch("id", "abc"));
    assertTrue(f.matchLabels("label", Map.of()));
    assertTrue(f.matchLabels("label", null));
  }

  @Test
  void of_deduplicatesValuesAndIsImmutable() {
    Filters f = Filters.of(Map.of("name", List.of("b", "a", "b")));
    assertEquals(Set.of("a", "b"), f.values("name"));
    assertEquals(Set.of("name"), f.keys());
    assertThrows(UnsupportedOperationException.class, () -> f.asMap().put("x", Set.of()));
  }

  @Test
  void keyWithNoValues_isPresentButMatchesEverything() {
    Filters f = Filters.of(Map.of("name", List.of()));
    assertTrue(f.contains("name"));
    assertFalse(f.isEmpty());
    assertTrue(f.exactMatch("name", "anything"));
    assertTrue(f.fuzzyMatch("name", "anything"));
    assertTrue(f.matchLabels("name", null));
  }

  @ParameterizedTest(name = "{0} exact {1} -> {2}")
  @CsvSource({
      "web,      web,     true",
      "web,      web1,    false",
      "web,      we,      false",
      "web;db,   db,      true",
      "web;db,   cache,   false",
  })
  void exactMatch(String values, String candidate, boolean expected) {
    assertEquals(expected, of("name", values.split(";")).exactMatch("name", candidate));
    assertTrue(of("name", values.split(";")).exactMatch("other", candidate), "absent key matches");
  }

  @ParameterizedTest(name = "{0} fuzzy {1} -> {2}")
  @CsvSource({
      "abc,       abcdef,  true",
      "abcdef,    abcdef,  true",
      "abcdefg,   abcdef,  false",
      "bcd,       abcdef,  false",
      "zz;abc,    abcdef,  true",
  })
  void fuzzyMatch_isPrefixMatch(String values, String candidate, boolean expected) {
    assertEquals(expected, of("id", values.split(";")).fuzzyMatch("id", candidate));
  }

  @ParameterizedTest(name = "{0} on {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      // filter values ; separated | labels k=v, separated | expected
      "a          | a=1,b=2  | true",
      "a=1        | a=1,b=2  | true",
      "a=2        | a=1,b=2  | false",
      "c          | a=1,b=2  | false",
      "a;b=2      | a=1,b=2  | true",
      "a;b=3      | a=1,b=2  | false",
      "a=         | a=       | true",
      "a=         | a=1      | false",
      "a=1=2      | a=1=2    | true",
      "a          | ''       | false",
  })
  void matchLabels(String values, String labels, boolean expected) {
    Map<String, String> m = new java.util.HashMap<>();
    if (!labels.isEmpty()) {
      for (String kv : labels.split(",")) {
        int eq = kv.indexOf('=');
        m.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
    }
    assertEquals(expected, of("label", values.split(";")).matchLabels("label", m));
  }

  @Test
  void matchLabels_nullLabelsFailWhenFiltered() {
    assertFalse(of("label", "a").matchLabels("label", null));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "true,  true",
      "1,     true",
      "false, false",
      "0,     false",
  })
  void booleanValue(String value, boolean expected) {
    assertEquals(expected, of("dangling", value).booleanValue("dangling", !expected));
  }

  @Test
  void booleanValue_absentGivesDefault() {
    assertTrue(Filters.empty().booleanValue("dangling", true));
    assertFalse(Filters.empty().booleanValue("dangling", false));
  }

  @Test
  void booleanValue_garbageIsInvalidFilter_valuesAsGoList() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> of("dangling", "maybe").booleanValue("dangling", false));
    assertEquals("invalid filter 'dangling=[maybe]'", e.getMessage());
    e = assertThrows(InvalidParameterException.class,
        () -> of("dangling", "true", "0").booleanValue("dangling", false));
    assertEquals("invalid filter 'dangling=[0 true]'", e.getMessage());
    assertThrows(InvalidParameterException.class, () -> of("dangling", "TRUE").booleanValue("dangling", false));
  }

  @Test
  void validate_acceptsKnownKeys() {
    Filters.of(Map.of("label", List.of("a"), "name", List.of("b"))).validate(Set.of("label", "name", "id"));
    Filters.empty().validate(Set.of());
  }

  @Test
  void validate_rejectsUnknownKeyWithDockerdMessage() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> of("x", "1").validate(Set.of("label")));
    assertEquals("invalid filter 'x'", e.getMessage());
  }
}
