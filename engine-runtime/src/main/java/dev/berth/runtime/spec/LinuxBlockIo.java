package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OCI {@code linux.resources.blockIO}: the blkio weight and per-device weights/throttles. */
@JsonInclude(Include.NON_EMPTY)
public record LinuxBlockIo(
    @JsonProperty("weight") Integer weight,
    @JsonProperty("weightDevice") List<WeightDevice> weightDevice,
    @JsonProperty("throttleReadBpsDevice") List<ThrottleDevice> throttleReadBpsDevice,
    @JsonProperty("throttleWriteBpsDevice") List<ThrottleDevice> throttleWriteBpsDevice,
    @JsonProperty("throttleReadIOPSDevice") List<ThrottleDevice> throttleReadIopsDevice,
    @JsonProperty("throttleWriteIOPSDevice") List<ThrottleDevice> throttleWriteIopsDevice) {

  public LinuxBlockIo {
    weightDevice = weightDevice == null ? List.of() : List.copyOf(weightDevice);
    throttleReadBpsDevice = throttleReadBpsDevice == null ? List.of() : List.copyOf(throttleReadBpsDevice);
    throttleWriteBpsDevice = throttleWriteBpsDevice == null ? List.of() : List.copyOf(throttleWriteBpsDevice);
    throttleReadIopsDevice = throttleReadIopsDevice == null ? List.of() : List.copyOf(throttleReadIopsDevice);
    throttleWriteIopsDevice = throttleWriteIopsDevice == null ? List.of() : List.copyOf(throttleWriteIopsDevice);
  }

  /** A per-device blkio weight ({@code --blkio-weight-device}). */
  public record WeightDevice(
      @JsonProperty("major") long major, @JsonProperty("minor") long minor, @JsonProperty("weight") int weight) {}

  /** A per-device rate limit in bytes or operations per second ({@code --device-read-bps} …). */
  public record ThrottleDevice(
      @JsonProperty("major") long major, @JsonProperty("minor") long minor, @JsonProperty("rate") long rate) {}
}
