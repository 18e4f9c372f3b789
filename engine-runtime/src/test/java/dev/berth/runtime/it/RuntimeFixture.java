package dev.berth.runtime.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.runtime.cgroup.CgroupCleaner;
import dev.berth.runtime.linux.Linux;
import dev.berth.runtime.linux.LinuxFifos;
import dev.berth.runtime.linux.LinuxSeqpacketConnector;
import dev.berth.runtime.logging.LogConfig;
import dev.berth.runtime.monitor.ConmonAttacher;
import dev.berth.runtime.monitor.ConmonMonitor;
import dev.berth.runtime.monitor.ConmonProcess;
import dev.berth.runtime.monitor.ContainerLayout;
import dev.berth.runtime.monitor.CreateRequest;
import dev.berth.runtime.monitor.ExitFileWatcher;
import dev.berth.runtime.monitor.MonitorConfig;
import dev.berth.runtime.monitor.MonitoredContainer;
import dev.berth.runtime.monitor.Stdio;
import dev.berth.runtime.oci.ProcessCommandRunner;
import dev.berth.runtime.oci.RuncCli;
import dev.berth.runtime.oci.RuntimeConfig;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Real conmon + runc in temp dirs for root integration tests. Everything it creates (containers, conmon
 * processes, cgroups, files) is removed by {@link #close()}, also after failures.
 */
final class RuntimeFixture {
  final Path base;
  final String cgroupParent;
  final RuntimeConfig runc;
  final MonitorConfig config;
  final EventLoopGroup group;
  final ExitFileWatcher exits;
  final ConmonMonitor monitor;
  final RuncCli runtime;
  private final ConmonAttacher attacher;
  private final List<ContainerLayout> created = new ArrayList<>();
  private final List<RuncCli> otherRuntimes = new ArrayList<>();

  private RuntimeFixture() throws IOException {
    base = Files.createTempDirectory(Path.of("/tmp"), "bt");
    cgroupParent = "/berth-it-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
    runc = new RuntimeConfig("runc", Path.of("/usr/sbin/runc"), List.of(), base.resolve("runc"));
    config = new MonitorConfig(Path.of(System.getProperty("berth.it.conmon", "/usr/bin/conmon")), base.resolve("exits"), base.resolve("s"), "info",
        Boolean.getBoolean("berth.it.syslog"), Duration.ofSeconds(20));
    group = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
    exits = new ExitFileWatcher(Duration.ofMillis(500));
    attacher = new ConmonAttacher(group, new LinuxSeqpacketConnector());
    monitor = new ConmonMonitor(config, attacher, exits, new LinuxFifos());
    runtime = new RuncCli(runc, new ProcessCommandRunner());
  }

  /** Skips unless root with the native layer, epoll, conmon and runc. */
  static RuntimeFixture start() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeTrue(Linux.isAvailable(), () -> "native layer unavailable: " + Linux.unavailabilityCause());
    assumeTrue(Epoll.isAvailable(), "netty epoll unavailable");
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/conmon")) && Files.isExecutable(Path.of("/usr/sbin/runc")),
        "conmon and runc needed");
    return new RuntimeFixture();
  }

  ConmonAttacher attacher() {
    return attacher;
  }

  LogConfig logConfig(String id) {
    return LogConfig.k8sFile(logPath(id), 0);
  }

  String id(String name) {
    return name + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 20));
  }

  String cgroup(String id) {
    return cgroupParent + "/" + id;
  }

  Path bundle(String id, boolean tty, long memoryLimit, String... args) throws Exception {
    return BusyboxBundle.write(base.resolve("b").resolve(id), cgroup(id), tty, memoryLimit, args);
  }

  Path logPath(String id) {
    return base.resolve("b").resolve(id).resolve("ctr.log");
  }

  /** Writes a bundle and creates the container (conmon + runc create); not started. */
  MonitoredContainer create(String id, Stdio stdio, String... args) throws Exception {
    return create(id, stdio, 0, LogConfig.k8sFile(logPath(id), 0), args);
  }

  MonitoredContainer create(String id, Stdio stdio, long memoryLimit, LogConfig log, String... args)
      throws Exception {
    Path bundle = bundle(id, stdio.tty(), memoryLimit, args);
    created.add(config.layout(id, bundle));
    return monitor.create(new CreateRequest(id, id, bundle, runc, log, stdio));
  }

  /** Registers a container created through another runtime so close() deletes it there. */
  void track(ContainerLayout layout, RuncCli otherRuntime) {
    created.add(layout);
    otherRuntimes.add(otherRuntime);
  }

  void close() throws Exception {
    List<Throwable> failures = new ArrayList<>();
    for (ContainerLayout layout : created) {
      for (RuncCli r : allRuntimes()) {
        quietly(failures, () -> r.delete(layout.id(), true));
      }
      quietly(failures, () -> ConmonProcess.kill(layout.conmonPidFile()));
    }
    killLeftovers();
    quietly(failures, exits::close);
    quietly(failures, () -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly());
    quietly(failures, () -> new CgroupCleaner(Path.of("/sys/fs/cgroup")).remove(cgroupParent));
    quietly(failures, () -> deleteTree(base));
    if (!failures.isEmpty()) {
      AssertionError e = new AssertionError("fixture cleanup failed");
      failures.forEach(e::addSuppressed);
      throw e;
    }
  }

  private List<RuncCli> allRuntimes() {
    List<RuncCli> all = new ArrayList<>(otherRuntimes);
    all.add(0, runtime);
    return all;
  }

  /** Any process whose command line mentions our temp dir (conmon of an exec, a stray container) is killed. */
  private void killLeftovers() throws InterruptedException {
    String marker = base.toString();
    List<ProcessHandle> strays = ProcessHandle.allProcesses()
        .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(marker)).orElse(false))
        .toList();
    strays.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle p : strays) {
      p.onExit().completeOnTimeout(p, 2, TimeUnit.SECONDS).join();
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(List<Throwable> failures, Step step) {
    try {
      step.run();
    } catch (Throwable t) {
      failures.add(t);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
