package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A seccomp profile file in Docker's format: the OCI {@code LinuxSeccomp} fields plus {@code archMap} and
 * conditional rules ({@code includes}/{@code excludes} by arch, capability and minimum kernel). A plain OCI
 * {@code linux.seccomp} object is a valid profile too.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeccompProfile(
    @JsonProperty("defaultAction") String defaultAction,
    @JsonProperty("defaultErrnoRet") Integer defaultErrnoRet,
    @JsonProperty("architectures") List<String> architectures,
    @JsonProperty("archMap") List<ArchMap> archMap,
    @JsonProperty("flags") List<String> flags,
    @JsonProperty("syscalls") List<Rule> syscalls) {

  public SeccompProfile {
    architectures = architectures == null ? List.of() : List.copyOf(architectures);
    archMap = archMap == null ? List.of() : List.copyOf(archMap);
    flags = flags == null ? List.of() : List.copyOf(flags);
    syscalls = syscalls == null ? List.of() : List.copyOf(syscalls);
  }

  /** A native architecture and the compat ones its kernel also runs (x86_64 → x86, x32). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ArchMap(
      @JsonProperty("architecture") String architecture,
      @JsonProperty("subArchitectures") List<String> subArchitectures) {
    public ArchMap {
      subArchitectures = subArchitectures == null ? List.of() : List.copyOf(subArchitectures);
    }
  }

  /** A rule; {@code name} is the legacy single-name form. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Rule(
      @JsonProperty("name") String name,
      @JsonProperty("names") List<String> names,
      @JsonProperty("action") String action,
      @JsonProperty("errnoRet") Integer errnoRet,
      @JsonProperty("args") List<LinuxSeccomp.Arg> args,
      @JsonProperty("comment") String comment,
      @JsonProperty("includes") Filter includes,
      @JsonProperty("excludes") Filter excludes) {
    public Rule {
      names = names == null ? List.of() : List.copyOf(names);
      args = args == null ? List.of() : List.copyOf(args);
    }
  }

  /** A condition: GOARCH names, capability names, minimum kernel {@code "major.minor"}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Filter(
      @JsonProperty("caps") List<String> caps,
      @JsonProperty("arches") List<String> arches,
      @JsonProperty("minKernel") String minKernel) {
    public Filter {
      caps = caps == null ? List.of() : List.copyOf(caps);
      arches = arches == null ? List.of() : List.copyOf(arches);
    }
  }
}
