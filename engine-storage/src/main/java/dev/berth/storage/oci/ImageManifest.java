package dev.berth.storage.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An OCI image manifest (also reads Docker schema 2 manifests, which have the same shape). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageManifest(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") @JsonInclude(Include.NON_EMPTY) String mediaType,
    @JsonProperty("config") Descriptor config,
    @JsonProperty("layers") List<Descriptor> layers,
    @JsonProperty("annotations") @JsonInclude(Include.NON_EMPTY) Map<String, String> annotations) {}
