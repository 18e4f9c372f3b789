package dev.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.model.container.EndpointSettings;

/**
 * Body of {@code POST /networks/{id}/connect} (Go {@code network.ConnectOptions}): the container (ID or name)
 * and its endpoint configuration ({@code --ip}, {@code --alias}, …), omitted when {@code null}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record NetworkConnectRequest(
    @JsonProperty("Container") String container,
    @JsonProperty("EndpointConfig") @JsonInclude(Include.NON_NULL) EndpointSettings endpointConfig) {}
