package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Docker's {@code container.DeviceMapping} ({@code --device /dev/x:/dev/y:rwm}). */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record DeviceMapping(
    @JsonProperty("PathOnHost") String pathOnHost,
    @JsonProperty("PathInContainer") String pathInContainer,
    @JsonProperty("CgroupPermissions") String cgroupPermissions) {}
