package dev.berth.storage.image;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of an image delete response: {@code {"Untagged": ref}} or {@code {"Deleted": id}}. */
@JsonInclude(Include.NON_NULL)
public record ImageDeleteItem(
    @JsonProperty("Untagged") String untagged,
    @JsonProperty("Deleted") String deleted) {

  public static ImageDeleteItem untagged(String ref) {
    return new ImageDeleteItem(ref, null);
  }

  public static ImageDeleteItem deleted(String id) {
    return new ImageDeleteItem(null, id);
  }
}
