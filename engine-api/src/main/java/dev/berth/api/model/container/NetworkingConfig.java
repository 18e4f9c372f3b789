package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Docker's {@code network.NetworkingConfig}: the endpoints of the networks a new container joins, keyed by
 * network name or ID. The CLI 28 sends the network of {@code --network} (or {@code "default"}) here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record NetworkingConfig(
    @JsonProperty("EndpointsConfig") Map<String, EndpointSettings> endpointsConfig) {}
