package dev.berth.api.model.volume;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A volume (Go {@code volume.Volume}, swagger {@code Volume}), key order as Go writes it. {@code CreatedAt}
 * (RFC 3339), {@code Status}, {@code UsageData} (only from {@code system df}) and {@code ClusterVolume}
 * (swarm, opaque here) are {@code omitempty}; {@code Labels} and {@code Options} are written as {@code null}
 * when unset — dockerd's local driver reports {@code Labels: null} and {@code Options: null} for a plain volume.
 */
public record Volume(
    @JsonProperty("ClusterVolume") @JsonInclude(Include.NON_NULL) Map<String, Object> clusterVolume,
    @JsonProperty("CreatedAt") @JsonInclude(Include.NON_EMPTY) String createdAt,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("Mountpoint") String mountpoint,
    @JsonProperty("Name") String name,
    @JsonProperty("Options") Map<String, String> options,
    @JsonProperty("Scope") String scope,
    @JsonProperty("Status") @JsonInclude(Include.NON_EMPTY) Map<String, Object> status,
    @JsonProperty("UsageData") @JsonInclude(Include.NON_NULL) UsageData usageData) {

  /** A local-scope volume without status or usage data. */
  public static Volume of(String name, String driver, String mountpoint, String createdAt,
      Map<String, String> labels, Map<String, String> options) {
    return new Volume(null, createdAt, driver, labels, mountpoint, name, options, "local", null, null);
  }

  public Volume withUsageData(long size, long refCount) {
    return new Volume(clusterVolume, createdAt, driver, labels, mountpoint, name, options, scope, status,
        new UsageData(refCount, size));
  }

  /** Disk usage of a volume; -1 for values that are not computed. */
  public record UsageData(@JsonProperty("RefCount") long refCount, @JsonProperty("Size") long size) {}
}
