package dev.berth.network.dns;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves every sandbox's embedded-DNS socket from one selector thread. Each socket was bound inside its sandbox's
 * namespace (it stays there); local answers go out at once, forwarded queries run on virtual threads and reply
 * through the same socket (DatagramChannel.send is thread-safe).
 */
public final class DnsServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DnsServer.class);

  private final DnsResolver resolver;
  private final DnsRegistry registry;
  private final DnsForwarder forwarder;
  private final Selector selector;
  private final Map<String, DatagramChannel> channels = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final DnsTcpServer tcp;
  private volatile boolean closed;

  public DnsServer(DnsRegistry registry, DnsForwarder forwarder) {
    this.registry = registry;
    this.resolver = new DnsResolver(registry);
    this.forwarder = forwarder;
    this.tcp = new DnsTcpServer(resolver, registry, forwarder);
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new IllegalStateException("cannot open selector", e);
    }
    this.thread = Thread.ofPlatform().daemon().name("berth-dns").start(this::loop);
  }

  /** Starts serving {@code channel} (bound inside the sandbox) for {@code sandboxId}. */
  public void attach(String sandboxId, DatagramChannel channel) throws IOException {
    channel.configureBlocking(false);
    DatagramChannel old = channels.put(sandboxId, channel);
    if (old != null) {
      old.close();
    }
    pending.add(() -> {
      try {
        channel.register(selector, SelectionKey.OP_READ, sandboxId);
      } catch (IOException e) {
        log.warn("cannot serve DNS for {}", sandboxId, e);
      }
    });
    selector.wakeup();
  }

  /** Also serves DNS over TCP for the sandbox on {@code listener} (bound inside it). */
  public void attachTcp(String sandboxId, java.nio.channels.ServerSocketChannel listener) {
    tcp.attach(sandboxId, listener);
  }

  /** Stops serving the sandbox and closes its sockets. */
  public void detach(String sandboxId) {
    tcp.detach(sandboxId);
    DatagramChannel ch = channels.remove(sandboxId);
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // closing
      }
      selector.wakeup();
    }
  }

  public boolean isAttached(String sandboxId) {
    return channels.containsKey(sandboxId);
  }

  private void loop() {
    ByteBuffer buf = ByteBuffer.allocate(4096);
    while (!closed) {
      try {
        selector.select();
        for (Runnable r; (r = pending.poll()) != null; ) {
          r.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (key.isValid() && key.isReadable()) {
            DatagramChannel ch = (DatagramChannel) key.channel();
            for (SocketAddress from; (from = receive(ch, buf.clear())) != null; ) {
              handle((String) key.attachment(), ch, from, Arrays.copyOf(buf.array(), buf.position()));
            }
          }
        }
        selector.selectedKeys().clear();
      } catch (IOException | RuntimeException e) {
        if (!closed) {
          log.warn("embedded DNS loop error", e);
        }
      }
    }
  }

  private static SocketAddress receive(DatagramChannel ch, ByteBuffer buf) {
    try {
      return ch.receive(buf);
    } catch (IOException e) {
      return null;
    }
  }

  private void handle(String sandboxId, DatagramChannel ch, SocketAddress from, byte[] query) {
    DnsMessage q;
    try {
      q = DnsCodec.decode(query, query.length);
    } catch (DnsCodec.MalformedException e) {
      return; // dockerd drops unparsable queries
    }
    Optional<DnsMessage> local = resolver.answer(sandboxId, q);
    if (local.isPresent()) {
      send(ch, from, DnsCodec.encode(local.get()));
    } else if (!registry.canForward(sandboxId) || forwarder.servers().isEmpty()) {
      send(ch, from, DnsCodec.encode(q.reply(DnsMessage.SERVFAIL, List.of())));
    } else {
      Thread.ofVirtual().start(() -> {
        byte[] reply = forwarder.forward(query, query.length);
        send(ch, from, reply != null ? reply : DnsCodec.encode(q.reply(DnsMessage.SERVFAIL, List.of())));
      });
    }
  }

  private static void send(DatagramChannel ch, SocketAddress to, byte[] data) {
    try {
      ch.send(ByteBuffer.wrap(data), to);
    } catch (IOException e) {
      log.debug("DNS reply to {} failed: {}", to, e.toString());
    }
  }

  @Override
  public void close() {
    closed = true;
    tcp.close();
    channels.keySet().forEach(this::detach);
    try {
      selector.close();
    } catch (IOException ignored) {
      // closing
    }
    thread.interrupt();
  }
}
