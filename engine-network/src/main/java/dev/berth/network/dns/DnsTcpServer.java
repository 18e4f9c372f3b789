package dev.berth.network.dns;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNS over TCP (RFC 1035 4.2.2: two-byte length prefix) for the embedded resolver: what resolvers retry with when
 * a UDP answer came back truncated. One virtual thread accepts per sandbox, one serves each connection; the
 * listening socket was bound inside the sandbox, so accepted connections are there too.
 */
final class DnsTcpServer {
  private static final Logger log = LoggerFactory.getLogger(DnsTcpServer.class);
  private static final int IDLE_MILLIS = 10_000;

  private final DnsResolver resolver;
  private final DnsRegistry registry;
  private final DnsForwarder forwarder;
  private final Map<String, ServerSocketChannel> listeners = new ConcurrentHashMap<>();

  DnsTcpServer(DnsResolver resolver, DnsRegistry registry, DnsForwarder forwarder) {
    this.resolver = resolver;
    this.registry = registry;
    this.forwarder = forwarder;
  }

  void attach(String sandboxId, ServerSocketChannel listener) {
    ServerSocketChannel old = listeners.put(sandboxId, listener);
    close(old);
    Thread.ofVirtual().name("berth-dns-tcp").start(() -> {
      while (listener.isOpen()) {
        try {
          SocketChannel c = listener.accept();
          Thread.ofVirtual().start(() -> serve(sandboxId, c));
        } catch (ClosedChannelException e) {
          return;
        } catch (IOException e) {
          log.debug("DNS TCP accept for {}: {}", sandboxId, e.toString());
        }
      }
    });
  }

  void detach(String sandboxId) {
    close(listeners.remove(sandboxId));
  }

  void close() {
    listeners.keySet().forEach(this::detach);
  }

  private void serve(String sandboxId, SocketChannel c) {
    try (c) {
      c.socket().setSoTimeout(IDLE_MILLIS);
      var in = c.socket().getInputStream();
      var out = c.socket().getOutputStream();
      while (true) {
        int hi = in.read();
        int lo = in.read();
        if (hi < 0 || lo < 0) {
          return;
        }
        byte[] query = in.readNBytes((hi << 8) | lo);
        byte[] reply = answer(sandboxId, query);
        if (reply == null) {
          return;
        }
        ByteBuffer framed = ByteBuffer.allocate(2 + reply.length).putShort((short) reply.length).put(reply);
        out.write(framed.array());
        out.flush();
      }
    } catch (IOException e) {
      log.debug("DNS TCP connection for {} ended: {}", sandboxId, e.toString());
    }
  }

  private byte[] answer(String sandboxId, byte[] query) {
    DnsMessage q;
    try {
      q = DnsCodec.decode(query, query.length);
    } catch (DnsCodec.MalformedException e) {
      return null;
    }
    Optional<DnsMessage> local = resolver.answer(sandboxId, q);
    if (local.isPresent()) {
      return DnsCodec.encode(local.get());
    }
    byte[] reply = registry.canForward(sandboxId) ? forwarder.forwardTcp(query) : null;
    return reply != null ? reply : DnsCodec.encode(q.reply(DnsMessage.SERVFAIL, List.of()));
  }

  private static void close(ServerSocketChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // closing
      }
    }
  }
}
