package dev.berth.daemon.http;

import dev.berth.daemon.config.ConfigException;
import dev.berth.daemon.config.HostAddress;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty server: epoll event loops that only move bytes, a virtual thread per request, listeners on UNIX
 * sockets (mode 0660, group {@code docker}), TCP (optionally TLS) and systemd-activated descriptors.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  private final Dispatcher dispatcher;
  private final ServerIdentity identity;
  private final SslContext tls;
  private final String socketGroup;
  private final EventLoopGroup group;
  private final ExecutorService requests = Executors.newThreadPerTaskExecutor(
      Thread.ofVirtual().name("api-", 0).factory());
  private final List<Channel> listeners = new ArrayList<>();
  private final List<Path> socketFiles = new ArrayList<>();
  private final io.netty.channel.group.ChannelGroup clients =
      new io.netty.channel.group.DefaultChannelGroup(io.netty.util.concurrent.GlobalEventExecutor.INSTANCE);

  public ApiServer(Dispatcher dispatcher, ServerIdentity identity, SslContext tls, String socketGroup) {
    this.dispatcher = dispatcher;
    this.identity = identity;
    this.tls = tls;
    this.socketGroup = socketGroup;
    this.group = new MultiThreadIoEventLoopGroup(
        Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), EpollIoHandler.newFactory());
  }

  /** Checks that no other daemon serves {@code host} before anything else is touched. */
  public static void checkAvailable(HostAddress host) {
    if (host instanceof HostAddress.Unix u && Files.exists(Path.of(u.path()))) {
      try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
        ch.connect(UnixDomainSocketAddress.of(u.path()));
        throw new ConfigException("another daemon is already serving " + u.path()
            + " (a connection to it succeeded); stop it or choose another socket with -H");
      } catch (IOException stale) {
        // nobody listens: a stale socket file from a crash, removed at bind time
      }
    }
  }

  public void listen(HostAddress host) {
    switch (host) {
      case HostAddress.Unix u -> listenUnix(Path.of(u.path()));
      case HostAddress.Tcp t -> listenTcp(t);
      case HostAddress.Fd f -> listenActivated(f);
    }
  }

  private void listenUnix(Path path) {
    try {
      Files.createDirectories(path.getParent());
      Files.deleteIfExists(path);
      Channel ch = bootstrap().channel(EpollServerDomainSocketChannel.class)
          .bind(new DomainSocketAddress(path.toString())).sync().channel();
      listeners.add(ch);
      socketFiles.add(path);
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
      setGroup(path);
      log.info("API listen on {}", path);
    } catch (IOException | InterruptedException e) {
      throw new ConfigException("cannot listen on unix://" + path + ": " + e.getMessage(), e);
    }
  }

  private void setGroup(Path path) {
    if (socketGroup == null || socketGroup.isEmpty()) {
      return;
    }
    try {
      GroupPrincipal g = path.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByGroupName(socketGroup);
      Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class).setGroup(g);
    } catch (java.nio.file.attribute.UserPrincipalNotFoundException e) {
      log.warn("group {} not found; the socket {} stays owned by root:root", socketGroup, path);
    } catch (IOException e) {
      log.warn("cannot set group {} on {}: {}", socketGroup, path, e.toString());
    }
  }

  private void listenTcp(HostAddress.Tcp t) {
    if (tls == null && !isLoopback(t.host())) {
      log.warn("[!] DON'T BIND ON ANY IP ADDRESS WITHOUT setting --tlsverify IF YOU DON'T KNOW WHAT YOU'RE DOING [!]");
      log.warn("Binding to IP address {} without --tlsverify is insecure and gives root access on this machine "
          + "to everyone who has access to your network.", t.host());
    }
    try {
      Channel ch = bootstrap().channel(EpollServerSocketChannel.class)
          .bind(new InetSocketAddress(t.host(), t.port())).sync().channel();
      listeners.add(ch);
      log.info("API listen on {}:{}{}", t.host(), t.port(), tls != null ? " (TLS)" : "");
    } catch (Exception e) {
      throw new ConfigException("cannot listen on tcp://" + t.host() + ":" + t.port() + ": " + e.getMessage(), e);
    }
  }

  private void listenActivated(HostAddress.Fd f) {
    List<Integer> fds = SystemdSockets.listenFds();
    if (fds.isEmpty()) {
      throw new ConfigException("no sockets found via socket activation: make sure the service was started "
          + "by systemd");
    }
    for (int fd : fds) {
      if (f.fd().isPresent() && f.fd().getAsInt() != fd) {
        continue;
      }
      try {
        SystemdSockets.makeNonBlocking(fd);
        ServerChannel ch = SystemdSockets.isUnix(fd)
            ? new EpollServerDomainSocketChannel(fd, true) : SystemdSockets.activeTcpChannel(fd);
        ServerBootstrap b = bootstrap().channelFactory(() -> ch);
        listeners.add(b.register().sync().channel());
        log.info("API listen on systemd-activated fd {}", fd);
      } catch (Exception e) {
        throw new ConfigException("cannot serve activated socket fd " + fd + ": " + e.getMessage(), e);
      }
    }
  }

  private ServerBootstrap bootstrap() {
    return new ServerBootstrap()
        .group(group)
        .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
        .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 << 10, 256 << 10))
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            clients.add(ch);
            boolean tcp = !(ch instanceof io.netty.channel.unix.DomainSocketChannel);
            if (tcp && tls != null) {
              ch.pipeline().addLast("tls", tls.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new HttpServerCodec());
            ch.pipeline().addLast(new HttpConnectionHandler(dispatcher, identity, requests));
          }
        });
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  /** Stops accepting, lets in-flight requests finish for up to {@code graceSeconds}, removes socket files. */
  public void shutdown(long graceSeconds) {
    for (Channel ch : listeners) {
      ch.close().awaitUninterruptibly();
    }
    for (Path p : socketFiles) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        log.warn("cannot remove {}: {}", p, e.toString());
      }
    }
    requests.shutdown();
    try {
      // Short requests finish; long-lived streams (events, wait, logs -f, attach) are then cut, as dockerd does.
      if (!requests.awaitTermination(Math.min(2, graceSeconds), TimeUnit.SECONDS)) {
        clients.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        requests.awaitTermination(graceSeconds, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  @Override
  public void close() {
    shutdown(0);
  }
}
