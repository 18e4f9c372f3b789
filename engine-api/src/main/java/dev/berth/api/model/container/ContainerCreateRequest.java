package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /containers/create} (Go {@code container.CreateRequest}, swagger
 * {@code ContainerCreateRequest}). Go embeds {@code *Config}, so the {@link ContainerConfig} fields sit flat at
 * the top level next to {@code HostConfig} and {@code NetworkingConfig}; this record repeats them (Jackson 2.18
 * cannot unwrap into a record) and {@link #config()} returns them as a {@link ContainerConfig}.
 *
 * <p>Read leniently, like Go: unknown keys are ignored, key case does not matter, and the strslice fields
 * ({@code Cmd}, {@code Entrypoint}, {@code Shell}) also accept a plain string when the mapper enables
 * {@code ACCEPT_SINGLE_VALUE_AS_ARRAY}. {@code HostConfig} and {@code NetworkingConfig} are {@code null} when a
 * client leaves them out.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ContainerCreateRequest(
    @JsonProperty("Hostname") String hostname,
    @JsonProperty("Domainname") String domainname,
    @JsonProperty("User") String user,
    @JsonProperty("AttachStdin") boolean attachStdin,
    @JsonProperty("AttachStdout") boolean attachStdout,
    @JsonProperty("AttachStderr") boolean attachStderr,
    @JsonProperty("ExposedPorts") @JsonInclude(Include.NON_EMPTY) Map<String, Object> exposedPorts,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("OpenStdin") boolean openStdin,
    @JsonProperty("StdinOnce") boolean stdinOnce,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Healthcheck") @JsonInclude(Include.NON_NULL) HealthConfig healthcheck,
    @JsonProperty("ArgsEscaped") @JsonInclude(Include.NON_DEFAULT) boolean argsEscaped,
    @JsonProperty("Image") String image,
    @JsonProperty("Volumes") Map<String, Object> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("NetworkDisabled") @JsonInclude(Include.NON_DEFAULT) boolean networkDisabled,
    @JsonProperty("MacAddress") @JsonInclude(Include.NON_EMPTY) String macAddress,
    @JsonProperty("OnBuild") List<String> onBuild,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("StopSignal") @JsonInclude(Include.NON_EMPTY) String stopSignal,
    @JsonProperty("StopTimeout") @JsonInclude(Include.NON_NULL) Integer stopTimeout,
    @JsonProperty("Shell") @JsonInclude(Include.NON_EMPTY) List<String> shell,
    @JsonProperty("HostConfig") @JsonInclude(Include.NON_NULL) HostConfig hostConfig,
    @JsonProperty("NetworkingConfig") @JsonInclude(Include.NON_NULL) NetworkingConfig networkingConfig) {

  /** Assembles a request from its three parts (client-side code and tests). */
  public static ContainerCreateRequest of(ContainerConfig c, HostConfig hostConfig, NetworkingConfig networking) {
    return new ContainerCreateRequest(c.hostname(), c.domainname(), c.user(), c.attachStdin(), c.attachStdout(),
        c.attachStderr(), c.exposedPorts(), c.tty(), c.openStdin(), c.stdinOnce(), c.env(), c.cmd(),
        c.healthcheck(), c.argsEscaped(), c.image(), c.volumes(), c.workingDir(), c.entrypoint(),
        c.networkDisabled(), c.macAddress(), c.onBuild(), c.labels(), c.stopSignal(), c.stopTimeout(), c.shell(),
        hostConfig, networking);
  }

  /** The embedded {@code container.Config} part. */
  public ContainerConfig config() {
    return new ContainerConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr, exposedPorts,
        tty, openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes, workingDir, entrypoint,
        networkDisabled, macAddress, onBuild, labels, stopSignal, stopTimeout, shell);
  }
}
