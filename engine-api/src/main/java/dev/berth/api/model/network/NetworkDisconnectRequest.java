package dev.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of {@code POST /networks/{id}/disconnect} (Go {@code network.DisconnectOptions}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record NetworkDisconnectRequest(
    @JsonProperty("Container") String container,
    @JsonProperty("Force") boolean force) {}
