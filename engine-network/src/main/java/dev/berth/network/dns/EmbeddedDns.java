package dev.berth.network.dns;

import dev.berth.network.linux.CommandRunner;
import dev.berth.network.linux.NetnsOps;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * dockerd's embedded resolver at 127.0.0.11:53 inside a sandbox. The socket is opened on the {@link NetnsOps}
 * thread while it is inside the namespace, bound to 127.0.0.11 on a random port (so a container may still run its
 * own DNS server on :53), and a tiny nft table in the sandbox redirects 127.0.0.11:53 to it. The socket then stays
 * in that namespace and is served by the shared {@link DnsServer}. The nft for the redirect is started from the
 * netns thread while inside, so it runs in the sandbox without nsenter.
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
    if (server.isAttached(sandboxId)) {
      return;
    }
    DatagramChannel ch = netns.callIn(sandboxKey, () -> {
      DatagramChannel c = DatagramChannel.open();
      c.bind(new InetSocketAddress(InetAddress.getByName(ResolvConf.INTERNAL_NAMESERVER), 0));
      return c;
    });
    try {
      int port = ((InetSocketAddress) ch.getLocalAddress()).getPort();
      CommandRunner.Result r = netns.callIn(sandboxKey, () -> runner.run(List.of("nft", "-f", "-"),
          redirectRules(port)));
      if (!r.ok()) {
        throw new dev.berth.api.errors.SystemException("embedded DNS redirect in " + sandboxKey + ": "
            + r.stderr().strip());
      }
      server.attach(sandboxId, ch);
    } catch (IOException | RuntimeException e) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // already failing
      }
      throw e instanceof RuntimeException re ? re
          : new dev.berth.api.errors.SystemException("cannot start embedded DNS", e);
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

  /** The sandbox-side redirect 127.0.0.11:53/udp → the resolver's port. Pure. */
  public static String redirectRules(int port) {
    return "table ip " + TABLE + "\ndelete table ip " + TABLE + "\ntable ip " + TABLE + " {\n"
        + "\tchain output {\n\t\ttype nat hook output priority -100; policy accept;\n"
        + "\t\tip daddr " + ResolvConf.INTERNAL_NAMESERVER + " udp dport 53 dnat to "
        + ResolvConf.INTERNAL_NAMESERVER + ":" + port + "\n\t}\n}\n";
  }
}
