package dev.berth.api.model.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Docker's {@code storage.DriverData} (swagger {@code DriverData}): the {@code GraphDriver} of container and image
 * inspect. Both keys are always written; {@code Data} is {@code null} when the driver reports nothing.
 */
public record DriverData(
    @JsonProperty("Data") Map<String, String> data,
    @JsonProperty("Name") String name) {

  public static DriverData of(String name, Map<String, String> data) {
    return new DriverData(data, name);
  }
}
