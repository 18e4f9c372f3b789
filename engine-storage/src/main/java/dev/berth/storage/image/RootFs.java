package dev.berth.storage.image;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code rootfs} of an image config: {@code type} is always {@code layers}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RootFs(
    @JsonProperty("type") String type,
    @JsonProperty("diff_ids") List<String> diffIds) {

  public static RootFs layers(List<String> diffIds) {
    return new RootFs("layers", List.copyOf(diffIds));
  }
}
