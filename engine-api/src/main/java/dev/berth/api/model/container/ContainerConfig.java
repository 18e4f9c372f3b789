package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code container.Config} (swagger {@code ContainerConfig}): the portable part of a container's
 * configuration, also stored as the {@code config} of an image. Field presence follows Go's encoding: components
 * Docker marks {@code omitempty} are left out when empty, the others are always written (null when unset).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContainerConfig(
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
    @JsonProperty("Shell") @JsonInclude(Include.NON_EMPTY) List<String> shell) {

  /** An all-empty config, the starting point for {@link Builder}. */
  public static ContainerConfig empty() {
    return new ContainerConfig("", "", "", false, false, false, null, false, false, false, null, null, null,
        false, "", null, "", null, false, null, null, null, null, null, null);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A mutable copy for code that applies changes one by one (import {@code changes}, the builder, commit). */
  public static final class Builder {
    public String hostname, domainname, user, image, workingDir, macAddress, stopSignal;
    public boolean attachStdin, attachStdout, attachStderr, tty, openStdin, stdinOnce, argsEscaped,
        networkDisabled;
    public Map<String, Object> exposedPorts, volumes;
    public List<String> env, cmd, entrypoint, onBuild, shell;
    public HealthConfig healthcheck;
    public Map<String, String> labels;
    public Integer stopTimeout;

    Builder(ContainerConfig c) {
      hostname = c.hostname; domainname = c.domainname; user = c.user; attachStdin = c.attachStdin;
      attachStdout = c.attachStdout; attachStderr = c.attachStderr; exposedPorts = c.exposedPorts; tty = c.tty;
      openStdin = c.openStdin; stdinOnce = c.stdinOnce; env = c.env; cmd = c.cmd; healthcheck = c.healthcheck;
      argsEscaped = c.argsEscaped; image = c.image; volumes = c.volumes; workingDir = c.workingDir;
      entrypoint = c.entrypoint; networkDisabled = c.networkDisabled; macAddress = c.macAddress;
      onBuild = c.onBuild; labels = c.labels; stopSignal = c.stopSignal; stopTimeout = c.stopTimeout;
      shell = c.shell;
    }

    public ContainerConfig build() {
      return new ContainerConfig(hostname, domainname, user, attachStdin, attachStdout, attachStderr,
          exposedPorts, tty, openStdin, stdinOnce, env, cmd, healthcheck, argsEscaped, image, volumes,
          workingDir, entrypoint, networkDisabled, macAddress, onBuild, labels, stopSignal, stopTimeout, shell);
    }
  }
}
