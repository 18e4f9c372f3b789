package dev.berth.api.model.volume;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Body of {@code POST /volumes/create} (Go {@code volume.CreateOptions}, swagger {@code VolumeCreateOptions}):
 * every field is {@code omitempty}; an empty {@code Name} asks for a generated one, an empty {@code Driver} for
 * "local". {@code ClusterVolumeSpec} is swarm-only and kept opaque.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record VolumeCreateRequest(
    @JsonProperty("ClusterVolumeSpec") @JsonInclude(Include.NON_NULL) Map<String, Object> clusterVolumeSpec,
    @JsonProperty("Driver") @JsonInclude(Include.NON_EMPTY) String driver,
    @JsonProperty("DriverOpts") @JsonInclude(Include.NON_EMPTY) Map<String, String> driverOpts,
    @JsonProperty("Labels") @JsonInclude(Include.NON_EMPTY) Map<String, String> labels,
    @JsonProperty("Name") @JsonInclude(Include.NON_EMPTY) String name) {}
