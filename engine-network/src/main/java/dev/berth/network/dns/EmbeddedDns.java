package dev.berth.network.dns;

import dev.berth.network.linux.CommandRunner;
import dev.berth.network.linux.NetnsOps;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * dockerd's embedded resolver at 127.0.0.11:53 inside a sandbox. The socket is opened on the {@link NetnsOps}
 * thread while it is inside the namespace, bound to 127.0.0.11 on a random port (so a container may still run its
 * own DNS server on :53), and a tiny nft table in the sandbox redirects 127.0.0.11:53 to it. The socket then stays
 * in that namespace and is served by the shared {@link DnsServer}.
 */
public final class EmbeddedDns implements AutoCloseable {
  public static final String TABLE = "berth_dns";

  private final NetnsOps netns;
  private final CommandRunner runner;
  private final DnsServer server;

  public EmbeddedDns(NetnsOps netns, CommandRunner runner, DnsServer server) {
    this.netns = netns;
    this.runner = runner;
    this.server = server;
  }

  /** Starts the resolver for a sandbox (idempotent). */
  public void start(String sandboxId, Path sandboxKey) {
    try {
      startOrThrow(sandboxId, sandboxKey);
    } catch (IOException e) {
      throw new dev.berth.api.errors.SystemException("cannot start embedded DNS", e);
    }
  }

  private void startOrThrow(String sandboxId, Path sandboxKey) throws IOException {
    if (server.isAttached(sandboxId)) {
      return;
    }
    InetSocketAddress any = new InetSocketAddress(InetAddress.getByName(ResolvConf.INTERNAL_NAMESERVER), 0);
    DatagramChannel ch = netns.callIn(sandboxKey, () -> DatagramChannel.open().bind(any));
    ServerSocketChannel tcp = null;
    try {
      tcp = netns.callIn(sandboxKey, () -> ServerSocketChannel.open().bind(any, 64));
      int udpPort = ((InetSocketAddress) ch.getLocalAddress()).getPort();
      int tcpPort = ((InetSocketAddress) tcp.getLocalAddress()).getPort();
      runner.check("embedded DNS redirect", List.of("nsenter", "--net=" + sandboxKey, "nft", "-f", "-"),
          redirectRules(udpPort, tcpPort));
      server.attach(sandboxId, ch);
      server.attachTcp(sandboxId, tcp);
    } catch (IOException | RuntimeException e) {
      try {
        ch.close();
        if (tcp != null) {
          tcp.close();
        }
      } catch (IOException ignored) {
        // already failing
      }
      throw e;
    }
  }

  public void stop(String sandboxId) {
    server.detach(sandboxId);
  }

  /** Stops serving every sandbox (daemon shutdown; containers keep their netns). */
  @Override
  public void close() {
    server.close();
  }

  /** The sandbox-side redirect of 127.0.0.11:53 (udp and tcp) to the resolver's ports. Pure. */
  public static String redirectRules(int udpPort, int tcpPort) {
    String ns = ResolvConf.INTERNAL_NAMESERVER;
    return "table ip " + TABLE + "\ndelete table ip " + TABLE + "\ntable ip " + TABLE + " {\n"
        + "\tchain output {\n\t\ttype nat hook output priority -100; policy accept;\n"
        + "\t\tip daddr " + ns + " udp dport 53 dnat to " + ns + ":" + udpPort + "\n"
        + "\t\tip daddr " + ns + " tcp dport 53 dnat to " + ns + ":" + tcpPort + "\n\t}\n}\n";
  }
}
