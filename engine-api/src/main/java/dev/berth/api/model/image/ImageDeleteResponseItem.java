package dev.berth.api.model.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of {@code DELETE /images/{name}} and of image prune (Go {@code image.DeleteResponse}): exactly one
 * of {@code Untagged} (a reference) or {@code Deleted} (an image ID), the other omitted.
 */
public record ImageDeleteResponseItem(
    @JsonProperty("Deleted") @JsonInclude(Include.NON_EMPTY) String deleted,
    @JsonProperty("Untagged") @JsonInclude(Include.NON_EMPTY) String untagged) {

  public static ImageDeleteResponseItem untagged(String reference) {
    return new ImageDeleteResponseItem(null, reference);
  }

  public static ImageDeleteResponseItem deleted(String imageId) {
    return new ImageDeleteResponseItem(imageId, null);
  }
}
