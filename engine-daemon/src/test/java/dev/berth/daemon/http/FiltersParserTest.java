package dev.berth.daemon.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.filters.Filters;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiltersParserTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @NullSource
  @ValueSource(strings = {"", "  ", "null", "{}"})
  void emptyForms(String json) {
    assertTrue(FiltersParser.parse(json).isEmpty());
  }

  @Test
  void absent_isTheSharedEmptyInstance() {
    assertSame(Filters.empty(), FiltersParser.parse(null));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{\"label\":{\"a=b\":true,\"c\":true},\"name\":{\"web\":true}}",
      "{\"label\":[\"a=b\",\"c\"],\"name\":[\"web\"]}",
      "{\"label\":[\"c\",\"a=b\",\"c\"],\"name\":\"web\"}",
      "{\"label\":{\"a=b\":true,\"c\":true,\"off\":false},\"name\":[\"web\"]}",
  })
  void mapAndListForms_giveTheSameFilters(String json) {
    assertEquals(Map.of("label", Set.of("a=b", "c"), "name", Set.of("web")), FiltersParser.parse(json).asMap());
  }

  @Test
  void nullAndEmptyValues_keepTheKey() {
    Filters f = FiltersParser.parse("{\"dangling\":null,\"label\":{},\"name\":[]}");
    assertEquals(Set.of("dangling", "label", "name"), f.keys());
    assertTrue(f.values("dangling").isEmpty());
    assertTrue(f.exactMatch("name", "anything"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "garbage",
      "{\"label\":",
      "{label:[\"a\"]}",
      "[\"label\"]",
      "42",
      "\"label\"",
      "{\"label\":42}",
      "{\"label\":true}",
  })
  void garbage_isInvalidParameter(String json) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> FiltersParser.parse(json));
    assertTrue(e.getMessage().startsWith("invalid filter"), e.getMessage());
  }
}
