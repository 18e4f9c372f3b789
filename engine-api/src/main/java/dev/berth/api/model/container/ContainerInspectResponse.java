package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.model.image.OciDescriptor;
import dev.berth.api.model.storage.DriverData;
import java.util.List;

/**
 * Response of {@code GET /containers/{id}/json} (Go {@code container.InspectResponse} = the embedded
 * {@code ContainerJSONBase} + {@code Mounts}, {@code Config}, {@code NetworkSettings},
 * {@code ImageManifestDescriptor}; swagger {@code ContainerInspectResponse}), components in Go's key order.
 *
 * <p>{@code Created} is RFC 3339 nano; {@code Name} has the leading slash; {@code Image} is the image ID.
 * {@code ExecIDs} is {@code null} without execs. {@code SizeRw}/{@code SizeRootFs} are pointers in Go: omitted
 * unless {@code size=1}, then written even when 0. {@code ImageManifestDescriptor} is omitted when {@code null}
 * (dockerd drops it for API &lt; 1.48: {@link #withoutImageManifestDescriptor()}).
 */
public record ContainerInspectResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Created") String created,
    @JsonProperty("Path") String path,
    @JsonProperty("Args") List<String> args,
    @JsonProperty("State") ContainerState state,
    @JsonProperty("Image") String image,
    @JsonProperty("ResolvConfPath") String resolvConfPath,
    @JsonProperty("HostnamePath") String hostnamePath,
    @JsonProperty("HostsPath") String hostsPath,
    @JsonProperty("LogPath") String logPath,
    @JsonProperty("Name") String name,
    @JsonProperty("RestartCount") int restartCount,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Platform") String platform,
    @JsonProperty("MountLabel") String mountLabel,
    @JsonProperty("ProcessLabel") String processLabel,
    @JsonProperty("AppArmorProfile") String appArmorProfile,
    @JsonProperty("ExecIDs") List<String> execIds,
    @JsonProperty("HostConfig") HostConfig hostConfig,
    @JsonProperty("GraphDriver") DriverData graphDriver,
    @JsonProperty("SizeRw") @JsonInclude(Include.NON_NULL) Long sizeRw,
    @JsonProperty("SizeRootFs") @JsonInclude(Include.NON_NULL) Long sizeRootFs,
    @JsonProperty("Mounts") List<MountPoint> mounts,
    @JsonProperty("Config") ContainerConfig config,
    @JsonProperty("NetworkSettings") NetworkSettings networkSettings,
    @JsonProperty("ImageManifestDescriptor") @JsonInclude(Include.NON_NULL) OciDescriptor imageManifestDescriptor) {

  public ContainerInspectResponse {
    graphDriver = graphDriver == null ? new DriverData(null, "") : graphDriver;
  }

  /** This response with the layer sizes of {@code ?size=1}. */
  public ContainerInspectResponse withSizes(long rw, long rootFs) {
    return new ContainerInspectResponse(id, created, path, args, state, image, resolvConfPath, hostnamePath,
        hostsPath, logPath, name, restartCount, driver, platform, mountLabel, processLabel, appArmorProfile,
        execIds, hostConfig, graphDriver, rw, rootFs, mounts, config, networkSettings, imageManifestDescriptor);
  }

  /** This response as dockerd sends it to clients of API &lt; 1.48. */
  public ContainerInspectResponse withoutImageManifestDescriptor() {
    return new ContainerInspectResponse(id, created, path, args, state, image, resolvConfPath, hostnamePath,
        hostsPath, logPath, name, restartCount, driver, platform, mountLabel, processLabel, appArmorProfile,
        execIds, hostConfig, graphDriver, sizeRw, sizeRootFs, mounts, config, networkSettings, null);
  }
}
