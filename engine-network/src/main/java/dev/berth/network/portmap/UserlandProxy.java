package dev.berth.network.portmap;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Berth's docker-proxy, on virtual threads. Why a proxy rather than {@code route_localnet} + loopback DNAT: DNAT
 * (see NftRuleset) already carries all traffic from other hosts and from other bridges, so the proxy only sees
 * connections to loopback and hairpin connections from the container's own bridge; it keeps the bound socket as the
 * port's reservation, so a host process on the same port is detected at publish time exactly like dockerd with its
 * default {@code userland-proxy: true}; and it needs no {@code route_localnet=1}, which exposes 127.0.0.0/8 to
 * routed traffic (CVE-2020-8558). The price is one extra copy for loopback clients.
 */
public final class UserlandProxy implements PortProxy {
  private static final Logger log = LoggerFactory.getLogger(UserlandProxy.class);
  private static final long UDP_IDLE_MILLIS = 90_000;

  @Override
  public Closeable start(String proto, InetAddress hostIp, int hostPort, InetAddress containerIp, int containerPort)
      throws IOException {
    InetSocketAddress listen = new InetSocketAddress(hostIp, hostPort);
    InetSocketAddress target = new InetSocketAddress(containerIp, containerPort);
    return switch (proto) {
      case "tcp" -> tcp(listen, target);
      case "udp" -> udp(listen, target);
      default -> () -> {}; // sctp: DNAT only
    };
  }

  private static Closeable tcp(InetSocketAddress listen, InetSocketAddress target) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open();
    try {
      server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      server.bind(listen, 256);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    Thread.ofVirtual().name("proxy-tcp-" + listen.getPort()).start(() -> {
      while (server.isOpen()) {
        try {
          SocketChannel client = server.accept();
          Thread.ofVirtual().start(() -> relay(client, target));
        } catch (ClosedChannelException e) {
          return;
        } catch (IOException e) {
          log.debug("proxy accept on {} failed", listen, e);
        }
      }
    });
    return server;
  }

  private static void relay(SocketChannel client, InetSocketAddress target) {
    try (client; SocketChannel upstream = SocketChannel.open(target)) {
      Thread back = Thread.ofVirtual().start(() -> pump(upstream, client));
      pump(client, upstream);
      back.join();
    } catch (IOException | InterruptedException e) {
      log.debug("proxy connection to {} ended: {}", target, e.toString());
    }
  }

  /** Copies until EOF, then half-closes the other side so the peer sees the end of the stream. */
  private static void pump(SocketChannel from, SocketChannel to) {
    ByteBuffer buf = ByteBuffer.allocate(32 * 1024);
    try {
      while (from.read(buf) >= 0) {
        buf.flip();
        while (buf.hasRemaining()) {
          to.write(buf);
        }
        buf.clear();
      }
      to.shutdownOutput();
    } catch (IOException e) {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // closing after a failed copy
      }
    }
  }

  private static Closeable udp(InetSocketAddress listen, InetSocketAddress target) throws IOException {
    DatagramChannel server = DatagramChannel.open();
    try {
      server.bind(listen);
    } catch (IOException e) {
      server.close();
      throw e;
    }
    Map<InetSocketAddress, DatagramChannel> flows = new ConcurrentHashMap<>();
    Thread.ofVirtual().name("proxy-udp-" + listen.getPort()).start(() -> {
      ByteBuffer buf = ByteBuffer.allocate(65536);
      while (server.isOpen()) {
        try {
          buf.clear();
          InetSocketAddress from = (InetSocketAddress) server.receive(buf);
          buf.flip();
          DatagramChannel flow = flows.computeIfAbsent(from, f -> openFlow(server, f, target, flows));
          if (flow != null) {
            flow.write(buf);
          }
        } catch (ClosedChannelException e) {
          flows.values().forEach(UserlandProxy::closeQuietly);
          return;
        } catch (IOException e) {
          log.debug("udp proxy on {}: {}", listen, e.toString());
        }
      }
    });
    return server;
  }

  private static DatagramChannel openFlow(DatagramChannel server, InetSocketAddress client,
      InetSocketAddress target, Map<InetSocketAddress, DatagramChannel> flows) {
    try {
      DatagramChannel flow = DatagramChannel.open().connect(target);
      Thread.ofVirtual().start(() -> {
        byte[] bytes = new byte[65536];
        try (flow) {
          java.net.DatagramSocket socket = flow.socket();
          socket.setSoTimeout((int) UDP_IDLE_MILLIS);
          while (server.isOpen()) {
            java.net.DatagramPacket packet = new java.net.DatagramPacket(bytes, bytes.length);
            socket.receive(packet);
            server.send(ByteBuffer.wrap(bytes, 0, packet.getLength()), client);
          }
        } catch (IOException e) {
          // idle timeout or closed: forget the flow
        } finally {
          flows.remove(client);
        }
      });
      return flow;
    } catch (IOException e) {
      return null;
    }
  }

  private static void closeQuietly(Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // best effort
    }
  }
}
