package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * dockerd's {@code withMounts}: default kernel filesystems, minus those the user overrides, then the user's
 * mounts (shallowest first) with Docker's options; read-only rootfs, privileged and writable-cgroup tweaks.
 */
final class MountPlan {
  private static final Set<String> KEEP_WRITABLE = Set.of("/proc", "/dev/pts", "/dev/shm", "/dev/mqueue", "/dev");

  /** The OCI mounts and the rootfs propagation the binds need (empty for the runtime's default). */
  record Result(List<Mount> mounts, String rootfsPropagation) {}

  private MountPlan() {}

  /**
   * @param initMount the {@code /sbin/docker-init} bind, or null
   * @param shmSize the effective /dev/shm size in bytes
   * @param writableCgroups privileged, or {@code writable-cgroups=true}
   */
  static Result build(ContainerRuntimeConfig c, Mount initMount, long shmSize, boolean writableCgroups) {
    List<ContainerMount> user = new ArrayList<>(c.mounts());
    if (c.shmSource() != null && user.stream().noneMatch(m -> m.destination().equals("/dev/shm"))) {
      user.add(ContainerMount.bind(c.shmSource().toString(), "/dev/shm", false));
    }
    user.forEach(MountPlan::checkDestination);
    user.sort(Comparator.comparingInt(m -> depth(m.destination())));
    Set<String> userDest = new HashSet<>();
    user.forEach(m -> userDest.add(m.destination()));

    List<Mount> defaults = new ArrayList<>(DefaultSpec.MOUNTS);
    if (initMount != null) {
      defaults.add(initMount);
    }
    List<Mount> out = new ArrayList<>();
    boolean userDev = userDest.contains("/dev");
    for (Mount m : defaults) {
      if (userDest.contains(m.destination()) || (userDev && m.destination().startsWith("/dev/"))) {
        continue;
      }
      if (m.destination().equals("/dev/shm")) {
        if (c.ipc().kind() == NamespaceMode.Kind.NONE) {
          continue;
        }
        m = m.withOption("size=" + shmSize);
      }
      out.add(m);
    }
    String propagation = "";
    for (ContainerMount m : user) {
      if (m.type() == ContainerMount.Type.TMPFS) {
        out.add(tmpfs(m));
        continue;
      }
      propagation = rootfsPropagation(propagation, m.propagation());
      out.add(bind(m));
    }
    for (int i = 0; i < out.size(); i++) {
      Mount m = out.get(i);
      if (c.readonlyRootfs() && !KEEP_WRITABLE.contains(m.destination()) && !userDest.contains(m.destination())) {
        m = m.withOption("ro");
      }
      if (c.privileged() && m.destination().equals("/sys")) {
        m = m.withoutOption("ro");
      }
      if (writableCgroups && m.type().equals("cgroup")) {
        m = m.withoutOption("ro");
      }
      out.set(i, m);
    }
    return new Result(out, propagation);
  }

  static Mount tmpfs(ContainerMount m) {
    List<String> opts = new ArrayList<>(List.of("noexec", "nosuid", "nodev", ContainerMount.DEFAULT_PROPAGATION));
    if (!m.tmpfsOptions().isEmpty()) {
      opts.addAll(Arrays.asList(m.tmpfsOptions().split(",")));
    }
    return new Mount(m.destination(), "tmpfs", "tmpfs", TmpfsOptions.merge(opts));
  }

  private static Mount bind(ContainerMount m) {
    List<String> opts = new ArrayList<>();
    opts.add(m.nonRecursive() ? "bind" : "rbind");
    if (m.readOnly()) {
      opts.add("ro");
    }
    if (!m.propagation().isEmpty()) {
      opts.add(m.propagation());
    }
    return new Mount(m.destination(), "bind", m.source(), opts);
  }

  /** Shared binds need a shared rootfs, slave binds at least rslave (moby's checks of the source are skipped). */
  private static String rootfsPropagation(String current, String bindPropagation) {
    switch (bindPropagation) {
      case "shared", "rshared" -> {
        return current.equals("rshared") ? current : "shared";
      }
      case "slave", "rslave" -> {
        return current.isEmpty() || current.equals("private") || current.equals("rprivate") ? "rslave" : current;
      }
      default -> {
        return current;
      }
    }
  }

  static void checkDestination(ContainerMount m) {
    String d = m.destination();
    if (d == null || !d.startsWith("/")) {
      throw new InvalidParameterException("invalid mount path: '" + d + "' mount path must be absolute");
    }
    if (Path.of(d).normalize().toString().equals("/")) {
      throw new InvalidParameterException("invalid specification: destination can't be '/'");
    }
  }

  /** moby sorts mounts by the number of separators in the cleaned destination. */
  private static int depth(String destination) {
    String clean = Path.of(destination).normalize().toString();
    return (int) clean.chars().filter(ch -> ch == '/').count();
  }
}
