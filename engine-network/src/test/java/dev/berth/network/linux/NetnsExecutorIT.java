package dev.berth.network.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real namespaces: creation by JNR and by util-linux unshare, entering and returning, and what each costs. */
@Tag("root")
class NetnsExecutorIT {
  private static String inode(String link) throws Exception {
    return Files.readSymbolicLink(Path.of(link)).toString();
  }

  private static String udpTable(String dir) throws Exception {
    return Files.readString(Path.of(dir, "udp")) + Files.readString(Path.of(dir, "udp6"));
  }

  private static boolean mounted(Path p) throws Exception {
    return Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + p + " ");
  }

  @Test
  void createEnterReturnAndDelete(@TempDir Path dir) throws Exception {
    assumeTrue(Linux.isAvailable() && isRoot(), () -> "needs root and libc: " + Linux.unavailabilityCause());
    String host = inode("/proc/self/ns/net");
    try (NetnsExecutor ex = new NetnsExecutor()) {
      Path ns = dir.resolve("netns/a");
      try {
        ex.create(ns);
        assertTrue(mounted(ns));
        String inside = ex.callIn(ns, () -> inode("/proc/thread-self/ns/net"));
        assertNotEquals(host, inside);
        // The worker went home: entering the host namespace by path shows the host inode again.
        assertEquals(host, ex.callIn(Path.of("/proc/self/ns/net"), () -> inode("/proc/thread-self/ns/net")));
        // A socket opened inside belongs to that namespace and stays there after the worker went home.
        try (java.nio.channels.DatagramChannel ch = ex.callIn(ns, () -> java.nio.channels.DatagramChannel.open()
            .bind(new java.net.InetSocketAddress("127.0.0.1", 0)))) {
          String port = String.format(":%04X ", ((java.net.InetSocketAddress) ch.getLocalAddress()).getPort());
          assertTrue(ex.callIn(ns, () -> udpTable("/proc/thread-self/net").contains(port)));
          assertFalse(udpTable("/proc/self/net").contains(port));
        }
      } finally {
        ex.delete(ns);
      }
      assertFalse(Files.exists(ns));
      assertFalse(mounted(ns));
    }
  }

  /** Regression: a socket opened and closed inside must not keep the namespace (and its veth) alive. */
  @Test
  void namespaceDiesWhenItsFileIsRemoved(@TempDir Path dir) throws Exception {
    assumeTrue(Linux.isAvailable() && isRoot(), () -> "needs root and libc: " + Linux.unavailabilityCause());
    ProcessCommandRunner sh = new ProcessCommandRunner();
    String veth = "vtst" + Long.toHexString(System.nanoTime() & 0xffffff);
    try (NetnsExecutor ex = new NetnsExecutor()) {
      Path ns = dir.resolve("ns");
      ex.create(ns);
      try {
        sh.check("veth", List.of("ip", "link", "add", veth, "type", "veth", "peer", "name", "eth0", "netns",
            ns.toString()), null);
        ex.callIn(ns, () -> {
          java.nio.channels.DatagramChannel.open().bind(new java.net.InetSocketAddress("127.0.0.1", 0)).close();
          java.nio.channels.ServerSocketChannel.open().close();
          return null;
        });
      } finally {
        ex.delete(ns);
      }
      long deadline = System.currentTimeMillis() + 5000;
      while (sh.run(List.of("ip", "link", "show", veth), null).ok() && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      assertFalse(sh.run(List.of("ip", "link", "show", veth), null).ok(), "namespace still alive");
    } finally {
      sh.run(List.of("ip", "link", "del", veth), null);
    }
  }

  @Test
  void creationCostJnrVersusUnshareCli(@TempDir Path dir) throws Exception {
    assumeTrue(Linux.isAvailable() && isRoot(), () -> "needs root and libc: " + Linux.unavailabilityCause());
    int n = 20;
    ProcessCommandRunner runner = new ProcessCommandRunner();
    try (NetnsExecutor jnr = new NetnsExecutor()) {
      UnshareNetnsOps cli = new UnshareNetnsOps(runner, jnr);
      List<Path> made = new ArrayList<>();
      try {
        for (NetnsOps ops : List.of(jnr, cli, jnr, cli)) { // second round is the measured one (warm JIT)
          long t0 = System.nanoTime();
          for (int i = 0; i < n; i++) {
            Path p = dir.resolve(ops.getClass().getSimpleName() + "-" + made.size());
            made.add(p);
            ops.create(p);
          }
          long create = System.nanoTime() - t0;
          t0 = System.nanoTime();
          for (Path p : made.subList(made.size() - n, made.size())) {
            ops.delete(p);
          }
          long delete = System.nanoTime() - t0;
          System.out.printf("netns %s: create %.2f ms, delete %.2f ms (mean of %d)%n",
              ops.getClass().getSimpleName(), create / 1e6 / n, delete / 1e6 / n, n);
        }
      } finally {
        made.forEach(p -> jnr.delete(p));
      }
    }
  }

  static boolean isRoot() {
    try {
      return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
          .anyMatch(l -> l.matches("Uid:\\s+0\\s.*"));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
