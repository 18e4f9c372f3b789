package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Docker's {@code blkiodev.ThrottleDevice}: a bytes- or IO-per-second limit on one block device. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record ThrottleDevice(
    @JsonProperty("Path") String path,
    @JsonProperty("Rate") long rate) {}
