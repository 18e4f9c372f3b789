package dev.berth.daemon;

import dev.berth.daemon.config.DaemonConfig;
import dev.berth.daemon.container.RuntimeServices;
import dev.berth.runtime.linux.Linux;
import dev.berth.runtime.linux.LinuxFifos;
import dev.berth.runtime.linux.LinuxMounter;
import dev.berth.runtime.linux.LinuxSeqpacketConnector;
import dev.berth.runtime.monitor.ConmonAttacher;
import dev.berth.runtime.monitor.ConmonMonitor;
import dev.berth.runtime.monitor.ExitFileWatcher;
import dev.berth.runtime.monitor.MonitorConfig;
import dev.berth.runtime.oci.CrunWrapper;
import dev.berth.runtime.oci.OciRuntime;
import dev.berth.runtime.oci.ProcessCommandRunner;
import dev.berth.runtime.oci.RuncCli;
import dev.berth.runtime.oci.RuntimeConfig;
import dev.berth.runtime.oci.Runtimes;
import dev.berth.runtime.spec.ExecProcessBuilder;
import dev.berth.runtime.spec.HostProfile;
import dev.berth.runtime.spec.SpecBuilder;
import dev.berth.runtime.spec.SpecDefaults;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Builds the Linux runtime side for containers: conmon monitors, runc/crun, spec generation. */
final class RuntimeWiring implements AutoCloseable {
  private final EventLoopGroup attachLoop = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
  private final ExitFileWatcher exits = new ExitFileWatcher();
  private final RuntimeServices services;
  private final Path socketDir;

  RuntimeWiring(DaemonConfig cfg) throws IOException {
    Linux.ensureAvailability();
    Path execRoot = Path.of(cfg.execRoot());
    Path exitDir = Files.createDirectories(execRoot.resolve("exits"));
    this.socketDir = Files.createDirectories(socketDir(execRoot));
    MonitorConfig mc = MonitorConfig.defaults(exitDir, socketDir);
    ConmonAttacher attacher = new ConmonAttacher(attachLoop, new LinuxSeqpacketConnector());
    ConmonMonitor monitor = new ConmonMonitor(mc, attacher, exits, new LinuxFifos());
    Runtimes runtimes = new Runtimes(runtimes(cfg, execRoot), cfg.defaultRuntime());
    Map<String, OciRuntime> cache = new ConcurrentHashMap<>();
    ProcessCommandRunner runner = new ProcessCommandRunner();
    HostProfile host = HostProfile.detect();
    SpecDefaults defaults = SpecDefaults.standard();
    if (cfg.cgroupParent() != null && !cfg.cgroupParent().isEmpty()) {
      defaults = defaults.withCgroupParent(cfg.cgroupParent());
    }
    this.services = new RuntimeServices(monitor, mc, runtimes,
        rc -> cache.computeIfAbsent(rc.name(), n -> new RuncCli(rc, runner)), exits, attacher, new LinuxMounter(),
        new SpecBuilder(defaults, host), new ExecProcessBuilder(host.boundingSet()), execRoot);
  }

  RuntimeServices services() {
    return services;
  }

  /**
   * conmon's socket links must fit in sun_path (dir ≤ 35 bytes): the exec root's own {@code s} dir when short
   * enough, else a per-exec-root dir under /run/berth.
   */
  private static Path socketDir(Path execRoot) {
    Path own = execRoot.resolve("s");
    if (own.toString().length() <= MonitorConfig.MAX_SOCKET_DIR_LENGTH) {
      return own;
    }
    byte[] h = dev.berth.storage.digest.Digest.newSha256().digest(execRoot.toString().getBytes());
    return Path.of("/run/berth/" + HexFormat.of().formatHex(h).substring(0, 12));
  }

  private static List<RuntimeConfig> runtimes(DaemonConfig cfg, Path execRoot) throws IOException {
    List<RuntimeConfig> out = new ArrayList<>();
    Path runc = which("runc", "/usr/sbin/runc");
    out.add(new RuntimeConfig("runc", runc, List.of(), execRoot.resolve("runtime/runc")));
    Path crun = which("crun", "/usr/bin/crun");
    if (Files.isExecutable(crun)) {
      Path cgroupRoot = Path.of("/sys/fs/cgroup");
      Path bin = CrunWrapper.isHybrid(cgroupRoot)
          ? CrunWrapper.write(Files.createDirectories(execRoot.resolve("runtime")), crun, cgroupRoot.resolve("unified"))
          : crun;
      out.add(new RuntimeConfig("crun", bin, List.of(), execRoot.resolve("runtime/crun")));
    }
    for (var e : cfg.runtimes().entrySet()) {
      out.removeIf(r -> r.name().equals(e.getKey()));
      out.add(new RuntimeConfig(e.getKey(), Path.of(e.getValue().path()),
          e.getValue().runtimeArgs() == null ? List.of() : e.getValue().runtimeArgs(),
          execRoot.resolve("runtime/" + e.getKey())));
    }
    return out;
  }

  private static Path which(String name, String fallback) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return Path.of(fallback);
  }

  @Override
  public void close() {
    exits.close();
    try {
      Files.deleteIfExists(socketDir); // only when empty: live containers keep their links
    } catch (IOException e) {
      // containers still running under live-restore
    }
    attachLoop.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS);
  }
}
