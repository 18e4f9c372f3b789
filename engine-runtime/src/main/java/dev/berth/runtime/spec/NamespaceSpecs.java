package dev.berth.runtime.spec;

import java.util.ArrayList;
import java.util.List;

/** dockerd's {@code WithNamespaces}: which namespaces the runtime creates, joins or leaves to the host. */
final class NamespaceSpecs {
  private NamespaceSpecs() {}

  static List<LinuxNamespace> build(ContainerRuntimeConfig c, NamespaceMode.Kind cgroupns) {
    List<LinuxNamespace> out = new ArrayList<>();
    out.add(LinuxNamespace.fresh("mount"));
    add(out, "network", c.network());
    add(out, "uts", c.uts());
    add(out, "pid", c.pid());
    add(out, "ipc", c.ipc());
    if (cgroupns == NamespaceMode.Kind.PRIVATE) {
      out.add(LinuxNamespace.fresh("cgroup"));
    }
    return out;
  }

  /**
   * dockerd's default cgroup namespace mode ({@code adaptContainerSettings}): privileged containers on cgroup v1
   * stay in the host's; otherwise private on cgroup v2 and host on v1, unless the daemon configures one.
   */
  static NamespaceMode.Kind cgroupnsMode(ContainerRuntimeConfig c, SpecDefaults defaults, CgroupMode hostMode) {
    if (c.cgroupns() != null) {
      return c.cgroupns().kind() == NamespaceMode.Kind.HOST ? NamespaceMode.Kind.HOST : NamespaceMode.Kind.PRIVATE;
    }
    if (c.privileged() && hostMode != CgroupMode.UNIFIED) {
      return NamespaceMode.Kind.HOST;
    }
    if (defaults.cgroupnsMode() != null) {
      return defaults.cgroupnsMode();
    }
    return hostMode == CgroupMode.UNIFIED ? NamespaceMode.Kind.PRIVATE : NamespaceMode.Kind.HOST;
  }

  private static void add(List<LinuxNamespace> out, String type, NamespaceMode mode) {
    switch (mode.kind()) {
      case HOST -> { }
      case PRIVATE, NONE -> out.add(LinuxNamespace.fresh(type));
      case PATH, CONTAINER -> out.add(new LinuxNamespace(type, mode.path()));
    }
  }
}
