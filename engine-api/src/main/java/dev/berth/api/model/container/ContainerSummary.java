package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.model.image.OciDescriptor;
import java.util.List;
import java.util.Map;

/**
 * One item of {@code GET /containers/json} (Go {@code container.Summary}, swagger {@code ContainerSummary}), also
 * used by {@code system df}. {@code Names} carry the leading slash; {@code Created} is unix seconds;
 * {@code SizeRw}/{@code SizeRootFs} are {@code omitempty} (0 unless {@code size=1}); the
 * {@code ImageManifestDescriptor} is {@code omitempty} and only sent for API 1.48 and newer.
 * {@code NetworkSettings} may be {@code null}; {@code HostConfig} never is.
 */
public record ContainerSummary(
    @JsonProperty("Id") String id,
    @JsonProperty("Names") List<String> names,
    @JsonProperty("Image") String image,
    @JsonProperty("ImageID") String imageId,
    @JsonProperty("ImageManifestDescriptor") @JsonInclude(Include.NON_NULL) OciDescriptor imageManifestDescriptor,
    @JsonProperty("Command") String command,
    @JsonProperty("Created") long created,
    @JsonProperty("Ports") List<Port> ports,
    @JsonProperty("SizeRw") @JsonInclude(Include.NON_DEFAULT) long sizeRw,
    @JsonProperty("SizeRootFs") @JsonInclude(Include.NON_DEFAULT) long sizeRootFs,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("State") String state,
    @JsonProperty("Status") String status,
    @JsonProperty("HostConfig") HostConfigSummary hostConfig,
    @JsonProperty("NetworkSettings") NetworkSettingsSummary networkSettings,
    @JsonProperty("Mounts") List<MountPoint> mounts) {

  public ContainerSummary {
    hostConfig = hostConfig == null ? new HostConfigSummary(null, null) : hostConfig;
  }

  /** This item with the layer sizes of {@code ?size=1} ({@code docker ps -s}, {@code system df}). */
  public ContainerSummary withSizes(long rw, long rootFs) {
    return new ContainerSummary(id, names, image, imageId, imageManifestDescriptor, command, created, ports, rw,
        rootFs, labels, state, status, hostConfig, networkSettings, mounts);
  }

  /**
   * A port of the container (Go {@code container.Port}, swagger {@code Port}). {@code IP} and
   * {@code PublicPort} are omitted for an exposed but unpublished port; {@code Type} is tcp, udp or sctp.
   */
  public record Port(
      @JsonProperty("IP") @JsonInclude(Include.NON_EMPTY) String ip,
      @JsonProperty("PrivatePort") int privatePort,
      @JsonProperty("PublicPort") @JsonInclude(Include.NON_DEFAULT) int publicPort,
      @JsonProperty("Type") String type) {}

  /** The anonymous {@code HostConfig} struct of the summary: both fields {@code omitempty}. */
  public record HostConfigSummary(
      @JsonProperty("NetworkMode") @JsonInclude(Include.NON_EMPTY) String networkMode,
      @JsonProperty("Annotations") @JsonInclude(Include.NON_EMPTY) Map<String, String> annotations) {}

  /** Go {@code NetworkSettingsSummary}: the container's endpoints by network name. */
  public record NetworkSettingsSummary(
      @JsonProperty("Networks") Map<String, EndpointSettings> networks) {}
}
