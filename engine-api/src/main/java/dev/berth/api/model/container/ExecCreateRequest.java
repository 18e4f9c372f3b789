package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST /containers/{id}/exec} (Go {@code container.ExecOptions}, swagger {@code ExecConfig}).
 * {@code ConsoleSize} is {@code [height, width]} or {@code null}; {@code DetachKeys} uses the
 * {@code ctrl-p,ctrl-q} syntax; {@code Detach} is sent by the CLI but only matters to {@code exec start}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ExecCreateRequest(
    @JsonProperty("User") String user,
    @JsonProperty("Privileged") boolean privileged,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("ConsoleSize") @JsonInclude(Include.NON_NULL) List<Integer> consoleSize,
    @JsonProperty("AttachStdin") boolean attachStdin,
    @JsonProperty("AttachStderr") boolean attachStderr,
    @JsonProperty("AttachStdout") boolean attachStdout,
    @JsonProperty("Detach") boolean detach,
    @JsonProperty("DetachKeys") String detachKeys,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Cmd") List<String> cmd) {}
