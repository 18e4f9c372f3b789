package dev.berth.daemon;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.berth.daemon.config.CommandLine;
import dev.berth.daemon.config.ConfigException;
import dev.berth.daemon.config.ConfigLoader;
import dev.berth.daemon.config.DaemonConfig;
import dev.berth.daemon.config.HostAddress;
import dev.berth.daemon.http.ApiServer;
import dev.berth.daemon.http.Dispatcher;
import dev.berth.daemon.http.routes.SystemRoutes;
import java.io.IOException;
import dev.berth.daemon.http.ServerIdentity;
import dev.berth.daemon.http.TlsContexts;
import dev.berth.daemon.state.DaemonLocks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** berthd: parse flags and daemon.json, take the locks, wire the engine, serve until SIGTERM/SIGINT. */
public final class Main {
  static {
    StartupClock.mark("jvm");
    StartupWarmup.libraryDefaults();
  }

  private static final Logger log = LoggerFactory.getLogger(Main.class);

  static {
    StartupClock.mark("logging");
  }

  private Main() {}

  public static void main(String[] args) {
    try {
      System.exit(run(Arrays.asList(args)));
    } catch (ConfigException e) {
      System.err.println("berthd: " + e.getMessage());
      System.exit(1);
    }
  }

  static int run(List<String> args) throws ConfigException {
    CommandLine cli = CommandLine.parse(args);
    if (cli.helpOnly()) {
      System.out.println(Usage.TEXT);
      return 0;
    }
    if (cli.versionOnly()) {
      var b = dev.berth.daemon.system.BuildInfo.load();
      System.out.println("Berth version " + b.berthVersion() + " (Docker Engine API "
          + dev.berth.daemon.http.ApiVersion.MAX + "), build " + b.gitCommit());
      return 0;
    }
    StartupWarmup.start();
    DaemonConfig cfg = ConfigLoader.load(cli);
    StartupClock.mark("config");
    if (cli.validateOnly()) {
      System.out.println("configuration OK");
      return 0;
    }
    applyLogLevel(cfg);
    List<HostAddress> hosts = cfg.effectiveHosts().stream().map(HostAddress::parse).toList();
    var tls = TlsContexts.forServer(cfg);
    StartupClock.mark("tls");
    // Signals are handled from the start: a SIGTERM while the engine loads still shuts down cleanly, and a
    // SIGHUP then is a reload, not the JVM's default (exit).
    CountDownLatch stop = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<Wiring> wired = new java.util.concurrent.atomic.AtomicReference<>();
    Signal.handle(new Signal("TERM"), s -> stop.countDown());
    Signal.handle(new Signal("INT"), s -> stop.countDown());
    java.util.concurrent.atomic.AtomicBoolean reloadPending = new java.util.concurrent.atomic.AtomicBoolean();
    Signal.handle(new Signal("HUP"), s -> Thread.ofVirtual().start(() -> {
      Wiring w = wired.get();
      if (w != null) {
        reload(cli, w);
      } else {
        reloadPending.set(true); // applied once the engine is wired
      }
    }));
    try (DaemonLocks locks = DaemonLocks.acquire(Path.of(cfg.dataRoot()), Path.of(cfg.pidfile()))) {
      hosts.forEach(ApiServer::checkAvailable);
      cfg = prepareRoots(cfg);
      StartupClock.mark("locks and roots");
      // Listen first and answer /_ping at once; other requests wait until the engine is wired (moby#45143).
      var build = dev.berth.daemon.system.BuildInfo.load();
      Dispatcher dispatcher = Dispatcher.starting(SystemRoutes.pingOnly());
      ApiServer server = new ApiServer(dispatcher, new ServerIdentity(build.engineVersion(), cfg.experimental()),
          tls, cfg.group());
      StartupClock.mark("server");
      try {
        hosts.forEach(server::listen);
        StartupClock.log(log, "listening");
      } catch (ConfigException e) {
        server.shutdown(0);
        throw e;
      }
      Wiring wiring;
      try {
        wiring = Wiring.linux(cfg, dispatcher);
      } catch (IOException | RuntimeException e) {
        dispatcher.fail(e);
        server.shutdown(0);
        throw new ConfigException("failed to start daemon: " + e.getMessage(), e);
      }
      try (wiring) {
        wired.set(wiring);
        if (reloadPending.getAndSet(false)) {
          reload(cli, wiring);
        }
        log.info("Daemon has completed initialization (berth {}, data root {})", build.berthVersion(),
            cfg.dataRoot());
        awaitShutdown(stop);
        log.info("Processing signal 'terminated'");
        server.shutdown(cfg.shutdownTimeout());
      }
      log.info("Daemon shutdown complete");
    } catch (IOException e) {
      throw new ConfigException("failed to start daemon: " + e.getMessage(), e);
    }
    return 0;
  }

  /**
   * Creates the roots and returns the configuration with their canonical paths: /var/run is a symlink to /run on
   * most systems, and runc refuses a rootfs path that goes through a symlink.
   */
  private static DaemonConfig prepareRoots(DaemonConfig cfg) throws IOException {
    Path data = Files.createDirectories(Path.of(cfg.dataRoot())).toRealPath();
    Files.setPosixFilePermissions(data, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
    Path exec = Files.createDirectories(Path.of(cfg.execRoot())).toRealPath();
    return cfg.withRoots(data.toString(), exec.toString());
  }

  private static void awaitShutdown(CountDownLatch stop) {
    try {
      stop.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reload(CommandLine cli, Wiring wiring) {
    try {
      DaemonConfig next = ConfigLoader.load(cli);
      applyLogLevel(next);
      wiring.reload(next);
      log.info("Reloaded configuration: debug={} log-level={} labels={}", next.debug(), next.logLevel(),
          next.labels());
    } catch (ConfigException e) {
      log.error("Error reconfiguring the daemon: {}", e.getMessage());
    }
  }

  static void applyLogLevel(DaemonConfig cfg) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      String level = cfg.debug() ? "debug" : cfg.logLevel();
      ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(
          level.equals("fatal") ? "error" : level, Level.INFO));
    }
  }
}
