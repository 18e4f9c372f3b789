package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** An OCI mount entry: performed by the runtime inside the container's mount namespace. */
@JsonInclude(Include.NON_EMPTY)
public record Mount(
    @JsonProperty("destination") String destination,
    @JsonProperty("type") String type,
    @JsonProperty("source") String source,
    @JsonProperty("options") List<String> options) {

  public Mount {
    options = options == null ? List.of() : List.copyOf(options);
  }

  /** A copy with {@code option} appended unless already present. */
  public Mount withOption(String option) {
    if (options.contains(option)) {
      return this;
    }
    List<String> o = new ArrayList<>(options);
    o.add(option);
    return new Mount(destination, type, source, o);
  }

  /** A copy without any {@code option} entries. */
  public Mount withoutOption(String option) {
    return new Mount(destination, type, source, options.stream().filter(o -> !o.equals(option)).toList());
  }
}
