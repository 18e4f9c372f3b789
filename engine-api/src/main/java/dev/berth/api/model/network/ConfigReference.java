package dev.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The config-only network a network takes its configuration from (Go {@code network.ConfigReference}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ConfigReference(@JsonProperty("Network") String network) {

  /** Go's zero value, {@code {"Network":""}}, which network inspect shows for ordinary networks. */
  public static ConfigReference none() {
    return new ConfigReference("");
  }
}
