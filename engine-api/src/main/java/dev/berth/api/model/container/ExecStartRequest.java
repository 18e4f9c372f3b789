package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST /exec/{id}/start} (Go {@code container.ExecStartOptions}). The CLI sends
 * {@code {"Detach":false,"Tty":true,"ConsoleSize":[h,w]}}; {@code ConsoleSize} is omitted when {@code null}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ExecStartRequest(
    @JsonProperty("Detach") boolean detach,
    @JsonProperty("Tty") boolean tty,
    @JsonProperty("ConsoleSize") @JsonInclude(Include.NON_NULL) List<Integer> consoleSize) {}
