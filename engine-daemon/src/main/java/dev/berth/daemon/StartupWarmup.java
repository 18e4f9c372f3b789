package dev.berth.daemon;

/**
 * Cold-start helpers. While the main thread reads the configuration, one background thread initialises what the
 * next steps need and what costs the most to set up: Netty's platform probes and epoll transport (the API
 * server), then the JNR bindings to libc (storage, runtime, network). Class initialisation runs once per class
 * whichever thread gets there first, so this only moves work onto the second core; failures are left for the
 * real callers to report.
 */
final class StartupWarmup {
  private StartupWarmup() {}

  /**
   * Defaults for the libraries, set before their first class loads (an explicit {@code -D} wins):
   * <ul>
   *   <li>{@code io.netty.jfr.enabled=false}: Netty's buffer allocator emits JFR events, and their classes make the
   *       JDK set up its whole JFR event machinery (100-200 ms, on the first request) even when nothing records.
   *   <li>{@code jnr.ffi.asm.enabled=false}: JNR binds a library interface through a reflective proxy instead of
   *       generating bytecode and x86 stubs for it (150-400 ms for the first of our three libc bindings, against
   *       20-60 ms). A call costs a microsecond more; berthd's native calls are a few per file or per container.
   * </ul>
   */
  static void libraryDefaults() {
    defaultProperty("io.netty.jfr.enabled", "false");
    defaultProperty("jnr.ffi.asm.enabled", "false");
  }

  private static void defaultProperty(String name, String value) {
    if (System.getProperty(name) == null) {
      System.setProperty(name, value);
    }
  }

  static void start() {
    Thread.ofPlatform().name("startup-warmup").daemon().start(StartupWarmup::run);
  }

  private static void run() {
    quietly(() -> io.netty.channel.epoll.Epoll.isAvailable());
    quietly(() -> io.netty.channel.epoll.EpollIoHandler.newFactory());
    quietly(() -> dev.berth.storage.linux.LinuxFsOps.load());
    quietly(() -> dev.berth.runtime.linux.Linux.isAvailable());
    quietly(() -> dev.berth.network.linux.Linux.isAvailable());
  }

  private static void quietly(Runnable step) {
    try {
      step.run();
    } catch (Throwable t) {
      // the real caller fails with the same error and reports it
    }
  }
}
