package dev.berth.storage.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** An OCI image index ({@code index.json} of a layout, or a multi-platform manifest list). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImageIndex(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") @JsonInclude(Include.NON_EMPTY) String mediaType,
    @JsonProperty("manifests") List<Descriptor> manifests,
    @JsonProperty("annotations") @JsonInclude(Include.NON_EMPTY) Map<String, String> annotations) {

  /** containerd's annotation carrying the full image name. */
  public static final String ANNOTATION_IMAGE_NAME = "io.containerd.image.name";
  /** OCI's reference-name annotation (a tag, or a full reference in some tools). */
  public static final String ANNOTATION_REF_NAME = "org.opencontainers.image.ref.name";
}
