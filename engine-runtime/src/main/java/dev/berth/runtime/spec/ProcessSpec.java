package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** OCI {@code process}: what runs in the container, as whom and with which privileges. */
@JsonInclude(Include.NON_EMPTY)
public record ProcessSpec(
    @JsonProperty("terminal") @JsonInclude(Include.NON_DEFAULT) boolean terminal,
    @JsonProperty("consoleSize") ConsoleSize consoleSize,
    @JsonProperty("user") User user,
    @JsonProperty("args") List<String> args,
    @JsonProperty("env") List<String> env,
    @JsonProperty("cwd") String cwd,
    @JsonProperty("capabilities") LinuxCapabilities capabilities,
    @JsonProperty("rlimits") List<Rlimit> rlimits,
    @JsonProperty("noNewPrivileges") @JsonInclude(Include.NON_DEFAULT) boolean noNewPrivileges,
    @JsonProperty("apparmorProfile") String apparmorProfile,
    @JsonProperty("oomScoreAdj") Integer oomScoreAdj,
    @JsonProperty("selinuxLabel") String selinuxLabel) {

  public ProcessSpec {
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? List.of() : List.copyOf(env);
    rlimits = rlimits == null ? List.of() : List.copyOf(rlimits);
  }
}
