package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotImplementedException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.Mount;
import dev.berth.runtime.spec.ConsoleSize;
import dev.berth.runtime.spec.ContainerMount;
import dev.berth.runtime.spec.ContainerRuntimeConfig;
import dev.berth.runtime.spec.DeviceMapping;
import dev.berth.runtime.spec.EnvMerge;
import dev.berth.runtime.spec.NamespaceMode;
import dev.berth.runtime.spec.Resources;
import dev.berth.runtime.spec.Ulimit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a container's Docker configuration ({@code Config} + {@code HostConfig}) into the runtime module's
 * {@link ContainerRuntimeConfig}. Pure except for creating missing bind sources (dockerd creates them for
 * {@code -v}, refuses them for {@code --mount}).
 */
final class RuntimeConfigMapper {
  private RuntimeConfigMapper() {}

  /**
   * @param containerDir holds resolv.conf, hostname, hosts
   * @param pidOf resolves {@code container:<ref>} namespace modes to the other container's init pid
   * @param network the network namespace chosen by the networking side
   */
  static ContainerRuntimeConfig map(ContainerRecord r, Path rootfs, Path containerDir,
      Function<String, Integer> pidOf, NamespaceMode network) {
    return map(r, rootfs, containerDir, pidOf, network, List.of(), List.of());
  }

  /**
   * @param volumes the volume mounts {@link ContainerVolumes} made ready (and binds from --volumes-from)
   * @param linkEnv the legacy links' variables: after dockerd's defaults, before the container's own
   */
  static ContainerRuntimeConfig map(ContainerRecord r, Path rootfs, Path containerDir,
      Function<String, Integer> pidOf, NamespaceMode network, List<ContainerMount> volumes, List<String> linkEnv) {
    ContainerConfig c = r.config();
    HostConfig h = r.hostConfig();
    List<String> args = new ArrayList<>();
    args.add(r.path());
    args.addAll(r.args());
    ContainerRuntimeConfig.Builder b = ContainerRuntimeConfig.builder(r.id(), rootfs)
        .args(args)
        .env(EnvMerge.processEnv(c.env() == null ? List.of() : c.env(), c.hostname(), c.tty(), linkEnv))
        .workingDir(c.workingDir())
        .user(c.user())
        .groupAdd(h.groupAdd() == null ? List.of() : h.groupAdd())
        .tty(c.tty())
        .openStdin(c.openStdin())
        .hostname(c.hostname())
        .domainname(c.domainname())
        .readonlyRootfs(h.readonlyRootfs())
        .mounts(ContainerMount.networkFiles(containerDir, h.readonlyRootfs()))
        .mounts(userMounts(h))
        .mounts(volumes)
        .network(network)
        .ipc(namespace(h.ipcMode(), "ipc", pidOf, NamespaceMode.privateNs()))
        .pid(namespace(h.pidMode(), "pid", pidOf, NamespaceMode.privateNs()))
        .uts(namespace(h.utsMode(), "uts", pidOf, NamespaceMode.privateNs()))
        .cgroupParent(h.cgroupParent())
        .resources(resources(h))
        .privileged(h.privileged())
        .capAdd(nz(h.capAdd()))
        .capDrop(nz(h.capDrop()))
        .securityOpt(nz(h.securityOpt()))
        .devices(devices(h))
        .deviceCgroupRules(nz(h.resources().deviceCgroupRules()))
        .sysctls(h.sysctls() == null ? Map.of() : h.sysctls())
        .ulimits(ulimits(h))
        .init(h.init())
        .annotations(h.annotations() == null ? Map.of() : h.annotations());
    if (h.shmSize() > 0) {
      b.shmSize(h.shmSize());
    }
    if (h.oomScoreAdj() != 0) {
      b.oomScoreAdj(h.oomScoreAdj());
    }
    if (h.cgroupnsMode() != null && !h.cgroupnsMode().isEmpty()) {
      b.cgroupns(h.cgroupnsMode().equals("host") ? NamespaceMode.host() : NamespaceMode.privateNs());
    }
    if (h.maskedPaths() != null) {
      b.maskedPaths(h.maskedPaths());
    }
    if (h.readonlyPaths() != null) {
      b.readonlyPaths(h.readonlyPaths());
    }
    List<Integer> cs = h.consoleSize();
    if (cs != null && cs.size() == 2 && cs.get(0) > 0 && cs.get(1) > 0) {
      b.consoleSize(new ConsoleSize(cs.get(0), cs.get(1)));
    }
    return b.build();
  }

  static Resources resources(HostConfig h) {
    var r = h.resources();
    return Resources.builder()
        .memory(r.memory()).memorySwap(r.memorySwap()).memoryReservation(r.memoryReservation())
        .memorySwappiness(r.memorySwappiness()).oomKillDisable(r.oomKillDisable())
        .nanoCpus(r.nanoCpus()).cpuShares(r.cpuShares()).cpuPeriod(r.cpuPeriod()).cpuQuota(r.cpuQuota())
        .cpuRealtimePeriod(r.cpuRealtimePeriod()).cpuRealtimeRuntime(r.cpuRealtimeRuntime())
        .cpusetCpus(r.cpusetCpus()).cpusetMems(r.cpusetMems()).pidsLimit(r.pidsLimit())
        .blkioWeight(r.blkioWeight())
        .build();
  }

  private static NamespaceMode namespace(String mode, String nsFile, Function<String, Integer> pidOf,
      NamespaceMode fallback) {
    if (mode == null || mode.isEmpty() || mode.equals("default") || mode.equals("private")
        || mode.equals("shareable") || mode.equals("bridge")) {
      return fallback;
    }
    if (mode.equals("host")) {
      return NamespaceMode.host();
    }
    if (mode.equals("none")) {
      return nsFile.equals("net") || nsFile.equals("ipc") ? NamespaceMode.none() : fallback;
    }
    if (mode.startsWith("container:")) {
      return NamespaceMode.container(pidOf.apply(mode.substring("container:".length())), nsFile);
    }
    // a user-defined network name: the network module decides; until then a private namespace
    return fallback;
  }

  private static List<ContainerMount> userMounts(HostConfig h) {
    List<ContainerMount> out = new ArrayList<>();
    for (String bind : nz(h.binds())) {
      BindSpec s = BindSpec.parse(bind);
      if (s.isBind()) {
        out.add(bind(s));
      }
    }
    if (h.tmpfs() != null) {
      h.tmpfs().forEach((dst, opts) -> out.add(ContainerMount.tmpfs(dst, opts == null ? "" : opts)));
    }
    if (h.mounts() != null) {
      for (Mount m : h.mounts()) {
        if (!Mount.TYPE_VOLUME.equals(m.type())) {
          out.add(mount(m));
        }
      }
    }
    return out;
  }

  /**
   * {@code -v /host:/ctr[:ro|rw][,propagation]}; a missing host directory is created, as dockerd does for -v.
   * Without a propagation in the mode the bind is rprivate.
   */
  static ContainerMount bind(BindSpec s) {
    Path p = Path.of(s.source());
    if (!Files.exists(p)) {
      try {
        Files.createDirectories(p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create bind source " + s.source(), e);
      }
    }
    return new ContainerMount(ContainerMount.Type.BIND, s.source(), s.destination(), s.readOnly(),
        s.propagation().isEmpty() ? ContainerMount.DEFAULT_PROPAGATION : s.propagation(), false, "");
  }

  private static ContainerMount mount(Mount m) {
    String type = m.type() == null ? "" : m.type();
    switch (type) {
      case "bind" -> {
        if (m.source() == null || !Files.exists(Path.of(m.source()))) {
          throw new InvalidParameterException("invalid mount config for type \"bind\": bind source path does not "
              + "exist: " + m.source());
        }
        ContainerMount base = ContainerMount.bind(m.source(), m.target(), m.readOnly());
        if (m.bindOptions() != null && m.bindOptions().propagation() != null
            && !m.bindOptions().propagation().isEmpty()) {
          return new ContainerMount(base.type(), base.source(), base.destination(), base.readOnly(),
              m.bindOptions().propagation(), m.bindOptions().nonRecursive(), "");
        }
        return base;
      }
      case "tmpfs" -> {
        List<String> opts = new ArrayList<>();
        if (m.tmpfsOptions() != null) {
          if (m.tmpfsOptions().sizeBytes() > 0) {
            opts.add("size=" + m.tmpfsOptions().sizeBytes());
          }
          if (m.tmpfsOptions().mode() > 0) {
            opts.add("mode=" + Long.toOctalString(m.tmpfsOptions().mode()));
          }
        }
        if (m.readOnly()) {
          opts.add("ro");
        }
        return ContainerMount.tmpfs(m.target(), String.join(",", opts));
      }
      default -> throw new NotImplementedException("mount type \"" + type + "\" is not supported yet");
    }
  }

  private static List<DeviceMapping> devices(HostConfig h) {
    List<DeviceMapping> out = new ArrayList<>();
    if (h.resources().devices() != null) {
      for (var d : h.resources().devices()) {
        out.add(new DeviceMapping(d.pathOnHost(), d.pathInContainer(), d.cgroupPermissions()));
      }
    }
    return out;
  }

  private static List<Ulimit> ulimits(HostConfig h) {
    List<Ulimit> out = new ArrayList<>();
    if (h.resources().ulimits() != null) {
      for (var u : h.resources().ulimits()) {
        out.add(new Ulimit(u.name(), u.soft(), u.hard()));
      }
    }
    return out;
  }

  private static <T> List<T> nz(List<T> l) {
    return l == null ? List.of() : l;
  }
}
