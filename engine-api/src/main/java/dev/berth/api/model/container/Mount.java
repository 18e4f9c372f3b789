package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code mount.Mount}, an entry of {@code HostConfig.Mounts} ({@code --mount}). Every field is
 * {@code omitempty} in Go. {@code Type} is {@code bind}, {@code volume}, {@code tmpfs}, {@code npipe},
 * {@code cluster} or {@code image}; {@code ClusterOptions} is swarm-only and kept opaque.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record Mount(
    @JsonProperty("Type") @JsonInclude(Include.NON_EMPTY) String type,
    @JsonProperty("Source") @JsonInclude(Include.NON_EMPTY) String source,
    @JsonProperty("Target") @JsonInclude(Include.NON_EMPTY) String target,
    @JsonProperty("ReadOnly") @JsonInclude(Include.NON_DEFAULT) boolean readOnly,
    @JsonProperty("Consistency") @JsonInclude(Include.NON_EMPTY) String consistency,
    @JsonProperty("BindOptions") @JsonInclude(Include.NON_NULL) BindOptions bindOptions,
    @JsonProperty("VolumeOptions") @JsonInclude(Include.NON_NULL) VolumeOptions volumeOptions,
    @JsonProperty("ImageOptions") @JsonInclude(Include.NON_NULL) ImageOptions imageOptions,
    @JsonProperty("TmpfsOptions") @JsonInclude(Include.NON_NULL) TmpfsOptions tmpfsOptions,
    @JsonProperty("ClusterOptions") @JsonInclude(Include.NON_NULL) Map<String, Object> clusterOptions) {

  public static final String TYPE_BIND = "bind";
  public static final String TYPE_VOLUME = "volume";
  public static final String TYPE_TMPFS = "tmpfs";
  public static final String TYPE_IMAGE = "image";

  public static Mount bind(String source, String target, boolean readOnly) {
    return new Mount(TYPE_BIND, source, target, readOnly, null, null, null, null, null, null);
  }

  public static Mount volume(String source, String target, boolean readOnly) {
    return new Mount(TYPE_VOLUME, source, target, readOnly, null, null, null, null, null, null);
  }

  public static Mount tmpfs(String target, TmpfsOptions options) {
    return new Mount(TYPE_TMPFS, null, target, false, null, null, null, null, options, null);
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record BindOptions(
      @JsonProperty("Propagation") @JsonInclude(Include.NON_EMPTY) String propagation,
      @JsonProperty("NonRecursive") @JsonInclude(Include.NON_DEFAULT) boolean nonRecursive,
      @JsonProperty("CreateMountpoint") @JsonInclude(Include.NON_DEFAULT) boolean createMountpoint,
      @JsonProperty("ReadOnlyNonRecursive") @JsonInclude(Include.NON_DEFAULT) boolean readOnlyNonRecursive,
      @JsonProperty("ReadOnlyForceRecursive") @JsonInclude(Include.NON_DEFAULT) boolean readOnlyForceRecursive) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record VolumeOptions(
      @JsonProperty("NoCopy") @JsonInclude(Include.NON_DEFAULT) boolean noCopy,
      @JsonProperty("Labels") @JsonInclude(Include.NON_EMPTY) Map<String, String> labels,
      @JsonProperty("Subpath") @JsonInclude(Include.NON_EMPTY) String subpath,
      @JsonProperty("DriverConfig") @JsonInclude(Include.NON_NULL) Driver driverConfig) {}

  /** The volume driver of {@link VolumeOptions} (Go {@code mount.Driver}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Driver(
      @JsonProperty("Name") @JsonInclude(Include.NON_EMPTY) String name,
      @JsonProperty("Options") @JsonInclude(Include.NON_EMPTY) Map<String, String> options) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record ImageOptions(@JsonProperty("Subpath") @JsonInclude(Include.NON_EMPTY) String subpath) {}

  /**
   * {@code Mode} is a Go {@code os.FileMode} (permission bits, plus Go's own high bits such as sticky = 1<<20);
   * {@code Options} holds raw tmpfs options as {@code [["noexec"], ["uid", "1000"]]}.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record TmpfsOptions(
      @JsonProperty("SizeBytes") @JsonInclude(Include.NON_DEFAULT) long sizeBytes,
      @JsonProperty("Mode") @JsonInclude(Include.NON_DEFAULT) long mode,
      @JsonProperty("Options") @JsonInclude(Include.NON_EMPTY) List<List<String>> options) {}
}
