package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HealthConfig;
import java.util.List;
import java.util.Map;

/**
 * The {@code Config} of image inspect from API 1.50 on (swagger {@code ImageConfig}, Go
 * {@code dockerspec.DockerOCIImageConfig} = OCI {@code ImageConfig} + Docker's {@code Healthcheck},
 * {@code OnBuild}, {@code Shell}). Every field is {@code omitempty}.
 *
 * <p>For API &lt; 1.50 dockerd writes a full {@link ContainerConfig} in its place
 * ({@code dockerOCIImageConfigToContainerConfig}): {@link #toContainerConfig()} produces exactly that.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ImageConfig(
    @JsonProperty("User") @JsonInclude(Include.NON_EMPTY) String user,
    @JsonProperty("ExposedPorts") @JsonInclude(Include.NON_EMPTY) Map<String, Object> exposedPorts,
    @JsonProperty("Env") @JsonInclude(Include.NON_EMPTY) List<String> env,
    @JsonProperty("Entrypoint") @JsonInclude(Include.NON_EMPTY) List<String> entrypoint,
    @JsonProperty("Cmd") @JsonInclude(Include.NON_EMPTY) List<String> cmd,
    @JsonProperty("Volumes") @JsonInclude(Include.NON_EMPTY) Map<String, Object> volumes,
    @JsonProperty("WorkingDir") @JsonInclude(Include.NON_EMPTY) String workingDir,
    @JsonProperty("Labels") @JsonInclude(Include.NON_EMPTY) Map<String, String> labels,
    @JsonProperty("StopSignal") @JsonInclude(Include.NON_EMPTY) String stopSignal,
    @JsonProperty("ArgsEscaped") @JsonInclude(Include.NON_DEFAULT) boolean argsEscaped,
    @JsonProperty("Healthcheck") @JsonInclude(Include.NON_NULL) HealthConfig healthcheck,
    @JsonProperty("OnBuild") @JsonInclude(Include.NON_EMPTY) List<String> onBuild,
    @JsonProperty("Shell") @JsonInclude(Include.NON_EMPTY) List<String> shell) {

  /** The image-relevant part of a container config (what {@code commit} and the classic builder keep). */
  public static ImageConfig of(ContainerConfig c) {
    return new ImageConfig(c.user(), c.exposedPorts(), c.env(), c.entrypoint(), c.cmd(), c.volumes(),
        c.workingDir(), c.labels(), c.stopSignal(), c.argsEscaped(), c.healthcheck(), c.onBuild(), c.shell());
  }

  /** The legacy (API &lt; 1.50) {@code Config} of image inspect: a container config with only these fields set. */
  public ContainerConfig toContainerConfig() {
    ContainerConfig.Builder b = ContainerConfig.empty().toBuilder();
    b.entrypoint = entrypoint;
    b.env = env;
    b.cmd = cmd;
    b.user = user == null ? "" : user;
    b.workingDir = workingDir == null ? "" : workingDir;
    b.exposedPorts = exposedPorts == null ? Map.of() : exposedPorts;
    b.volumes = volumes;
    b.labels = labels;
    b.argsEscaped = argsEscaped;
    b.stopSignal = stopSignal;
    b.healthcheck = healthcheck;
    b.onBuild = onBuild;
    b.shell = shell;
    return b.build();
  }
}
