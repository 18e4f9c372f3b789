package dev.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Response of {@code POST /networks/create} (Go {@code network.CreateResponse}); {@code Warning} is always written. */
public record NetworkCreateResponse(
    @JsonProperty("Id") String id,
    @JsonProperty("Warning") String warning) {

  public static NetworkCreateResponse of(String id) {
    return new NetworkCreateResponse(id, "");
  }
}
