package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * Docker's {@code container.DeviceRequest} ({@code --gpus}). {@code Count} -1 means all devices;
 * {@code Capabilities} is an OR list of AND lists (e.g. {@code [["gpu"]]}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record DeviceRequest(
    @JsonProperty("Driver") String driver,
    @JsonProperty("Count") int count,
    @JsonProperty("DeviceIDs") List<String> deviceIds,
    @JsonProperty("Capabilities") List<List<String>> capabilities,
    @JsonProperty("Options") Map<String, String> options) {}
