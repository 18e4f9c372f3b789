package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Docker's {@code HealthConfig}. Durations are nanoseconds, 0 means "inherit". {@code Test} is {@code []}
 * (inherit), {@code ["NONE"]}, {@code ["CMD", args…]} or {@code ["CMD-SHELL", command]}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(Include.NON_DEFAULT)
public record HealthConfig(
    @JsonProperty("Test") List<String> test,
    @JsonProperty("Interval") long interval,
    @JsonProperty("Timeout") long timeout,
    @JsonProperty("StartPeriod") long startPeriod,
    @JsonProperty("StartInterval") long startInterval,
    @JsonProperty("Retries") int retries) {}
