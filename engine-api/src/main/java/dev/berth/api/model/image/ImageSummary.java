package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One item of {@code GET /images/json} (Go {@code image.Summary}, swagger {@code ImageSummary}), key order as
 * Go writes it. {@code Created} is unix seconds. {@code SharedSize} and {@code Containers} are -1 when not
 * computed. {@code VirtualSize} is {@code omitempty}: dockerd sets it (= {@code Size}) only for API &lt; 1.44.
 * {@code Descriptor} (API 1.48+) and {@code Manifests} ({@code manifests=1}, 1.47+) are {@code omitempty}.
 * {@code RepoTags}/{@code RepoDigests} are {@code []}, not {@code null}, for untagged images.
 */
public record ImageSummary(
    @JsonProperty("Containers") long containers,
    @JsonProperty("Created") long created,
    @JsonProperty("Id") String id,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("ParentId") String parentId,
    @JsonProperty("Descriptor") @JsonInclude(Include.NON_NULL) OciDescriptor descriptor,
    @JsonProperty("Manifests") @JsonInclude(Include.NON_EMPTY) List<ImageManifestSummary> manifests,
    @JsonProperty("RepoDigests") List<String> repoDigests,
    @JsonProperty("RepoTags") List<String> repoTags,
    @JsonProperty("SharedSize") long sharedSize,
    @JsonProperty("Size") long size,
    @JsonProperty("VirtualSize") @JsonInclude(Include.NON_DEFAULT) long virtualSize) {

  /** This summary as dockerd shapes it for an older client: VirtualSize below 1.44, no Descriptor below 1.48. */
  public ImageSummary forApiVersion(boolean below144, boolean below148) {
    return new ImageSummary(containers, created, id, labels, parentId, below148 ? null : descriptor, manifests,
        repoDigests, repoTags, sharedSize, size, below144 ? size : 0);
  }
}
