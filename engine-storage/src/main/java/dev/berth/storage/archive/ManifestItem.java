package dev.berth.storage.archive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One entry of a docker-archive {@code manifest.json}. {@code RepoTags} is written as null when empty. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ManifestItem(
    @JsonProperty("Config") String config,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("Layers") List<String> layers,
    @JsonProperty("Parent") @JsonInclude(Include.NON_EMPTY) String parent,
    @JsonProperty("LayerSources") @JsonInclude(Include.NON_EMPTY) Map<String, Object> layerSources) {}
