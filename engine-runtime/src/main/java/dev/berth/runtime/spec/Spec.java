package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The OCI runtime spec ({@code config.json}) that runc/crun run. Only the fields Berth sets are modelled; empty
 * values are left out as Go's {@code omitempty} does.
 */
@JsonInclude(Include.NON_EMPTY)
public record Spec(
    @JsonProperty("ociVersion") String ociVersion,
    @JsonProperty("process") ProcessSpec process,
    @JsonProperty("root") Root root,
    @JsonProperty("hostname") String hostname,
    @JsonProperty("domainname") String domainname,
    @JsonProperty("mounts") List<Mount> mounts,
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonProperty("linux") Linux linux) {

  /** The runtime-spec version runc 1.1 implements. */
  public static final String OCI_VERSION = "1.0.2-dev";

  public Spec {
    mounts = mounts == null ? List.of() : List.copyOf(mounts);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public Spec withProcess(ProcessSpec p) {
    return new Spec(ociVersion, p, root, hostname, domainname, mounts, annotations, linux);
  }
}
