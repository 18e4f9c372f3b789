package dev.berth.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.api.errors.SystemException;
import dev.berth.network.driver.BridgeOptions;
import dev.berth.network.ipam.DefaultAddressPools;
import dev.berth.network.linux.CommandRunner;
import dev.berth.network.linux.Linux;
import dev.berth.network.linux.ProcessCommandRunner;
import dev.berth.network.portmap.BoundPort;
import dev.berth.network.portmap.PortMapping;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing with the production wiring: bridges, namespaces, veths, nftables, userland proxy and embedded
 * DNS, under test-unique names (never docker0/berth0) and 10.251.x.0/24 subnets. Everything is removed in finally.
 */
@Tag("root")
class NetworkIT {
  private final CommandRunner sh = new ProcessCommandRunner(20_000);
  private final String tag = HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt(1 << 16));
  private final String defaultBridge = "bt" + tag + "d";
  private final String userBridge = "bt" + tag + "u";
  private final String table = "berth_it_" + tag;
  private final int octet = 10 + ThreadLocalRandom.current().nextInt(120) * 2;

  private CommandRunner.Result sh(String... argv) {
    return sh.run(List.of(argv), null);
  }

  @Test
  void bridgeNamespacesNatDnsAndCleanup(@TempDir Path tmp) throws Exception {
    assumeTrue(Linux.isAvailable() && isRoot(), () -> "needs root and libc: " + Linux.unavailabilityCause());
    assumeTrue(sh("nft", "--version").ok() && sh("ip", "-V").ok() && sh("busybox", "true").ok());
    NetworkConfig d = NetworkConfig.defaults(tmp.resolve("state"), tmp.resolve("exec"));
    NetworkConfig cfg = new NetworkConfig(d.stateDir(), d.execRoot(), defaultBridge, "10.251." + octet + ".1/24",
        DefaultAddressPools.dockerDefaults(), 1500, false, true, true, "0.0.0.0", table, 200);
    String userSubnet = "10.251." + (octet + 1) + ".0/24";
    NetworkManager mgr = NetworkManagers.linux(cfg);
    Process httpd = null;
    String a = "a" + tag + "0".repeat(59);
    String b = "b" + tag + "0".repeat(59);
    try {
      mgr.start(Set.of());
      assertTrue(sh("ip", "link", "show", defaultBridge).ok());
      mgr.create(new NetworkCreateRequest("it-net", "bridge", false, false, false,
          List.of(new IpamConfig(userSubnet, null, null)), Map.of(BridgeOptions.BRIDGE_NAME, userBridge), Map.of()));

      long t0 = System.nanoTime();
      Sandbox sa = mgr.createSandbox(a);
      Endpoint ea = mgr.connect("it-net", a, new EndpointRequest("it-a", List.of(), null, null));
      long setupA = System.nanoTime() - t0;
      t0 = System.nanoTime();
      Sandbox sb = mgr.createSandbox(b);
      Endpoint eb = mgr.connect("it-net", b, new EndpointRequest("it-b", List.of("db-alias"), null, null));
      long setupB = System.nanoTime() - t0;
      System.out.printf("per-container setup (netns + veth + address + embedded DNS): %.1f ms, %.1f ms%n",
          setupA / 1e6, setupB / 1e6);

      // Ping between the two namespaces over the bridge.
      CommandRunner.Result ping = sh("nsenter", "--net=" + sa.key(), "busybox", "ping", "-c", "1", "-W", "2",
          eb.ipv4());
      assertTrue(ping.ok(), ping.stdout() + ping.stderr());

      // Embedded DNS: names and aliases of the network, from inside A.
      CommandRunner.Result ns = sh("nsenter", "--net=" + sa.key(), "busybox", "nslookup", "db-alias", "127.0.0.11");
      assertTrue(ns.stdout().contains(eb.ipv4()), ns.stdout() + ns.stderr());
      ns = sh("nsenter", "--net=" + sa.key(), "busybox", "nslookup", "it-b", "127.0.0.11");
      assertTrue(ns.stdout().contains(eb.ipv4()), ns.stdout() + ns.stderr());
      assertEquals(eb.ipv4(), tcpLookup(Path.of(sa.key()), "it-b"), "DNS over TCP through the redirect");

      // A listener in B, published on the host: reached through DNAT (host address) and the proxy (loopback).
      Path www = Files.createDirectories(tmp.resolve("www"));
      Files.writeString(www.resolve("index.html"), "hello-from-b\n");
      httpd = new ProcessBuilder("nsenter", "--net=" + sb.key(), "busybox", "httpd", "-f", "-p", "80", "-h",
          www.toString()).redirectErrorStream(true).start();
      int hostPort = freePort();
      t0 = System.nanoTime();
      List<BoundPort> bound = mgr.publish(b, List.of(PortMapping.parse(hostPort + ":80")));
      System.out.printf("publish one port (proxy bind + nft transaction): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
      assertEquals(List.of(new BoundPort("tcp", "0.0.0.0", hostPort, 80)), bound);
      waitForHttp(InetAddress.getLoopbackAddress(), hostPort);
      assertTrue(httpGet(InetAddress.getLoopbackAddress(), hostPort).contains("hello-from-b"));
      InetAddress hostIp = hostAddress();
      String element = "tcp . " + hostPort + " : " + eb.ipv4() + " . 80";
      assertTrue(sh("nft", "list", "table", "ip", table).stdout().contains(element));
      if (hostIp != null) {
        long before = dnatPackets();
        assertTrue(httpGet(hostIp, hostPort).contains("hello-from-b"), "DNAT via " + hostIp);
        assertTrue(dnatPackets() > before, "the host-address connection went through DNAT, not the proxy");
      }

      // The same host port for A: dockerd's error, and nothing of the attempt left behind.
      SystemException conflict = assertThrows(SystemException.class,
          () -> mgr.publish(a, List.of(PortMapping.parse("127.0.0.1:" + hostPort + ":81"))));
      assertTrue(conflict.getMessage().endsWith("Bind for 127.0.0.1:" + hostPort
          + " failed: port is already allocated"), conflict.getMessage());
      assertEquals(1, elements());

      // Someone flushes our table: the watchdog puts it back.
      assertTrue(sh("nft", "delete", "table", "ip", table).ok());
      long deadline = System.currentTimeMillis() + 5000;
      while (!sh("nft", "list", "table", "ip", table).ok() && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(sh("nft", "list", "table", "ip", table).stdout().contains(element));

      httpd.destroy();
      measureRunPath(mgr, 8, "it-net", List.of(PortMapping.parse("80")));
      measureRunPath(mgr, 8, "it-net", List.of());
      measureRunPath(mgr, 8, "bridge", List.of());
      t0 = System.nanoTime();
      mgr.removeSandbox(a);
      long teardownA = System.nanoTime() - t0;
      t0 = System.nanoTime();
      mgr.removeSandbox(b);
      System.out.printf("per-container teardown: %.1f ms, %.1f ms (with a published port)%n", teardownA / 1e6,
          (System.nanoTime() - t0) / 1e6);
      // The veths die with their namespaces, in the kernel's asynchronous cleanup_net.
      assertTrue(linkGone(ea.hostInterface()), "A's veth " + ea.hostInterface());
      assertTrue(linkGone(eb.hostInterface()), "B's veth " + eb.hostInterface());
      assertFalse(Files.exists(Path.of(sa.key())));
      assertFalse(Files.readString(Path.of("/proc/self/mountinfo")).contains(tmp.toString()));
      assertEquals(0, elements());
      mgr.remove("it-net");
      assertFalse(sh("ip", "link", "show", userBridge).ok());
    } finally {
      if (httpd != null) {
        httpd.destroyForcibly();
      }
      mgr.close();
      cleanup(tmp);
    }
  }

  /**
   * What {@code docker run} / {@code docker rm} cost here once the JVM is warm: createSandbox + connect (user network
   * with embedded DNS, one published port) and removeSandbox, as means over {@code n} containers.
   */
  private void measureRunPath(NetworkManager mgr, int n, String network, List<PortMapping> ports) throws Exception {
    long setup = 0;
    long teardown = 0;
    List<String> ids = new java.util.ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("c" + i + tag + "0".repeat(58));
    }
    try {
      for (String id : ids) {
        long t0 = System.nanoTime();
        mgr.createSandbox(id);
        mgr.connect(network, id, EndpointRequest.of(id.substring(0, 6)), ports);
        setup += System.nanoTime() - t0;
      }
    } finally {
      for (String id : ids) {
        long t0 = System.nanoTime();
        mgr.removeSandbox(id);
        teardown += System.nanoTime() - t0;
      }
    }
    System.out.printf("docker-run path on %s%s, mean of %d warm: setup %.1f ms, teardown %.1f ms%n", network,
        ports.isEmpty() ? "" : " with -p " + ports.size(), n, setup / 1e6 / n, teardown / 1e6 / n);
  }

  /** Whatever the test may have left: bridges (veths go with their peers' namespaces), netns mounts, the table. */
  private void cleanup(Path tmp) throws Exception {
    sh("ip", "link", "del", userBridge);
    sh("ip", "link", "del", defaultBridge);
    sh("nft", "delete", "table", "ip", table);
    Path netns = tmp.resolve("exec/netns");
    if (Files.isDirectory(netns)) {
      try (var files = Files.list(netns)) {
        for (Path p : files.toList()) {
          sh("umount", "-l", p.toString());
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Packets counted by the ports_any DNAT rule (nft counts the first packet of each connection). */
  private long dnatPackets() {
    for (String line : sh("nft", "list", "chain", "ip", table, "published").stdout().split("\n")) {
      if (line.contains("map @ports_any")) {
        return Long.parseLong(line.replaceAll(".*counter packets (\\d+) .*", "$1"));
      }
    }
    return -1;
  }

  /** One A query over TCP to 127.0.0.11:53 from inside the sandbox (a socket opened there, no threads). */
  private static String tcpLookup(Path sandbox, String name) throws Exception {
    try (dev.berth.network.linux.NetnsExecutor ex = new dev.berth.network.linux.NetnsExecutor()) {
      byte[] reply = ex.callIn(sandbox, () -> {
        try (Socket s = new Socket()) {
          s.connect(new java.net.InetSocketAddress("127.0.0.11", 53), 2000);
          s.setSoTimeout(3000);
          var out = new java.io.DataOutputStream(s.getOutputStream());
          byte[] q = dev.berth.network.dns.DnsCodec.encode(
              dev.berth.network.dns.DnsMessage.query(77, name, dev.berth.network.dns.DnsMessage.TYPE_A));
          out.writeShort(q.length);
          out.write(q);
          out.flush();
          var in = new java.io.DataInputStream(s.getInputStream());
          return in.readNBytes(in.readUnsignedShort());
        }
      });
      var m = dev.berth.network.dns.DnsCodec.decode(reply, reply.length);
      return InetAddress.getByAddress(m.answers().get(0).data()).getHostAddress();
    }
  }

  private boolean linkGone(String name) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 5000;
    while (sh("ip", "link", "show", name).ok()) {
      if (System.currentTimeMillis() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  private long elements() {
    return java.util.regex.Pattern.compile("\\d : \\d").matcher(sh("nft", "list", "table", "ip", table).stdout())
        .results().count();
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static InetAddress hostAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback() && !nic.getName().startsWith("bt") && !nic.getName().startsWith("veth")) {
        for (InetAddress addr : Collections.list(nic.getInetAddresses())) {
          if (addr instanceof Inet4Address) {
            return addr;
          }
        }
      }
    }
    return null;
  }

  private static void waitForHttp(InetAddress ip, int port) throws Exception {
    long deadline = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < deadline) {
      try {
        if (httpGet(ip, port).contains("hello")) {
          return;
        }
      } catch (java.io.IOException e) {
        // httpd not up yet
      }
      Thread.sleep(50);
    }
  }

  private static String httpGet(InetAddress ip, int port) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new java.net.InetSocketAddress(ip, port), 2000);
      s.setSoTimeout(3000);
      OutputStream out = s.getOutputStream();
      out.write("GET /index.html HTTP/1.0\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
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
