package dev.berth.runtime.spec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** OCI {@code linux}: namespaces, cgroup placement and limits, devices, seccomp and /proc hardening. */
@JsonInclude(Include.NON_EMPTY)
public record Linux(
    @JsonProperty("sysctl") Map<String, String> sysctl,
    @JsonProperty("resources") LinuxResources resources,
    @JsonProperty("cgroupsPath") String cgroupsPath,
    @JsonProperty("namespaces") List<LinuxNamespace> namespaces,
    @JsonProperty("devices") List<LinuxDevice> devices,
    @JsonProperty("seccomp") LinuxSeccomp seccomp,
    @JsonProperty("rootfsPropagation") String rootfsPropagation,
    @JsonProperty("maskedPaths") List<String> maskedPaths,
    @JsonProperty("readonlyPaths") List<String> readonlyPaths) {

  public Linux {
    sysctl = sysctl == null ? Map.of() : Map.copyOf(sysctl);
    namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    devices = devices == null ? List.of() : List.copyOf(devices);
    maskedPaths = maskedPaths == null ? List.of() : List.copyOf(maskedPaths);
    readonlyPaths = readonlyPaths == null ? List.of() : List.copyOf(readonlyPaths);
  }
}
