package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Docker's {@code container.MountPoint} (swagger {@code MountPoint}): a mount as {@code inspect} and {@code ps}
 * report it. {@code Type}, {@code Name} and {@code Driver} are {@code omitempty} (a bind has no name or driver).
 */
public record MountPoint(
    @JsonProperty("Type") @JsonInclude(Include.NON_EMPTY) String type,
    @JsonProperty("Name") @JsonInclude(Include.NON_EMPTY) String name,
    @JsonProperty("Source") String source,
    @JsonProperty("Destination") String destination,
    @JsonProperty("Driver") @JsonInclude(Include.NON_EMPTY) String driver,
    @JsonProperty("Mode") String mode,
    @JsonProperty("RW") boolean rw,
    @JsonProperty("Propagation") String propagation) {

  /** A bind mount as dockerd reports {@code -v /src:/dst[:mode]} ({@code Propagation} "rprivate" by default). */
  public static MountPoint bind(String source, String destination, String mode, boolean rw, String propagation) {
    return new MountPoint("bind", null, source, destination, null, mode, rw, propagation);
  }

  /** A named volume; {@code Propagation} is empty for volumes. */
  public static MountPoint volume(String name, String driver, String source, String destination, String mode,
      boolean rw) {
    return new MountPoint("volume", name, source, destination, driver, mode, rw, "");
  }
}
