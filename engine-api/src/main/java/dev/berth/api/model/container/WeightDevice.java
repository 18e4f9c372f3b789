package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Docker's {@code blkiodev.WeightDevice}: a relative block-IO weight (10-1000) for one device. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record WeightDevice(
    @JsonProperty("Path") String path,
    @JsonProperty("Weight") int weight) {}
