package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * OCI {@code process.capabilities}. Like dockerd (containerd {@code WithCapabilities}) Berth fills bounding,
 * effective and permitted with the same list and leaves inheritable and ambient empty.
 */
@JsonInclude(Include.NON_EMPTY)
public record LinuxCapabilities(
    @JsonProperty("bounding") List<String> bounding,
    @JsonProperty("effective") List<String> effective,
    @JsonProperty("inheritable") List<String> inheritable,
    @JsonProperty("permitted") List<String> permitted,
    @JsonProperty("ambient") List<String> ambient) {

  public LinuxCapabilities {
    bounding = bounding == null ? List.of() : List.copyOf(bounding);
    effective = effective == null ? List.of() : List.copyOf(effective);
    inheritable = inheritable == null ? List.of() : List.copyOf(inheritable);
    permitted = permitted == null ? List.of() : List.copyOf(permitted);
    ambient = ambient == null ? List.of() : List.copyOf(ambient);
  }

  /** Bounding, effective and permitted set to {@code caps}. */
  public static LinuxCapabilities of(List<String> caps) {
    return new LinuxCapabilities(caps, caps, List.of(), caps, List.of());
  }
}
