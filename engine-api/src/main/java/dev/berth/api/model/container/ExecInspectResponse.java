package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Response of {@code GET /exec/{id}/json} (Go {@code backend.ExecInspect}). {@code ExitCode} is {@code null}
 * while the process has not exited. {@code DetachKeys} is a Go {@code []byte}: Jackson writes a
 * {@code byte[]} as base64 text exactly like Go, and {@code null} when unset. {@code Pid} is 0 when not running.
 */
public record ExecInspectResponse(
    @JsonProperty("ID") String id,
    @JsonProperty("Running") boolean running,
    @JsonProperty("ExitCode") Integer exitCode,
    @JsonProperty("ProcessConfig") ProcessConfig processConfig,
    @JsonProperty("OpenStdin") boolean openStdin,
    @JsonProperty("OpenStderr") boolean openStderr,
    @JsonProperty("OpenStdout") boolean openStdout,
    @JsonProperty("CanRemove") boolean canRemove,
    @JsonProperty("ContainerID") String containerId,
    @JsonProperty("DetachKeys") byte[] detachKeys,
    @JsonProperty("Pid") int pid) {

  /**
   * Go {@code backend.ExecProcessConfig} (swagger {@code ProcessConfig}), lower-case keys. {@code privileged}
   * is a pointer in Go (omitted when {@code null}); {@code user} is omitted when empty.
   */
  public record ProcessConfig(
      @JsonProperty("tty") boolean tty,
      @JsonProperty("entrypoint") String entrypoint,
      @JsonProperty("arguments") List<String> arguments,
      @JsonProperty("privileged") @JsonInclude(Include.NON_NULL) Boolean privileged,
      @JsonProperty("user") @JsonInclude(Include.NON_EMPTY) String user) {}
}
