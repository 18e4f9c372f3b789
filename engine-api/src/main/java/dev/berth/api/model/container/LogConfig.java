package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** Docker's {@code container.LogConfig}: the log driver ({@code ""} = daemon default) and its options. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record LogConfig(
    @JsonProperty("Type") String type,
    @JsonProperty("Config") Map<String, String> config) {

  /** Go's zero value, {@code {"Type":"","Config":null}}. */
  public static LogConfig empty() {
    return new LogConfig("", null);
  }
}
