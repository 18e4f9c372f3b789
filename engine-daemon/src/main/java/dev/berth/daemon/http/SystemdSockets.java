package dev.berth.daemon.http;

import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Sockets handed over by systemd socket activation ({@code LISTEN_FDS}, {@code LISTEN_PID}, fds from 3). */
final class SystemdSockets {
  private static final int FIRST_FD = 3;

  private SystemdSockets() {}

  static List<Integer> listenFds() {
    String pid = System.getenv("LISTEN_PID");
    String n = System.getenv("LISTEN_FDS");
    List<Integer> fds = new ArrayList<>();
    if (n == null || (pid != null && !pid.equals(Long.toString(ProcessHandle.current().pid())))) {
      return fds;
    }
    int count = Integer.parseInt(n.trim());
    for (int i = 0; i < count; i++) {
      fds.add(FIRST_FD + i);
    }
    return fds;
  }

  private static final int O_NONBLOCK = 04000;

  /**
   * systemd hands over blocking sockets; Netty's epoll accept loop needs non-blocking ones (a blocking accept
   * would stall the event loop after the first connection).
   */
  static void makeNonBlocking(int fd) throws IOException {
    jnr.posix.POSIX posix = jnr.posix.POSIXFactory.getNativePOSIX();
    int flags = posix.fcntl(fd, jnr.constants.platform.Fcntl.F_GETFL);
    if (flags < 0 || posix.fcntlInt(fd, jnr.constants.platform.Fcntl.F_SETFL, flags | O_NONBLOCK) < 0) {
      throw new IOException("fcntl(O_NONBLOCK) failed on fd " + fd + ": errno " + posix.errno());
    }
  }

  /**
   * An epoll server channel over an already-listening TCP fd. Netty's public {@code (int fd)} constructor marks
   * the channel inactive (so it never accepts); the package-private {@code (LinuxSocket, boolean active)} one is
   * what the domain-socket variant exposes publicly as {@code (int, boolean)}.
   */
  static io.netty.channel.epoll.EpollServerSocketChannel activeTcpChannel(int fd) throws IOException {
    try {
      Class<?> linuxSocket = Class.forName("io.netty.channel.epoll.LinuxSocket");
      var sockCtor = linuxSocket.getDeclaredConstructor(int.class);
      sockCtor.setAccessible(true);
      var chCtor = io.netty.channel.epoll.EpollServerSocketChannel.class
          .getDeclaredConstructor(linuxSocket, boolean.class);
      chCtor.setAccessible(true);
      return (io.netty.channel.epoll.EpollServerSocketChannel) chCtor.newInstance(sockCtor.newInstance(fd), true);
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot adopt activated TCP socket fd " + fd, e);
    }
  }

  /** Whether {@code fd} is a UNIX-domain socket: its inode is listed in {@code /proc/net/unix}. */
  static boolean isUnix(int fd) throws IOException {
    String link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    if (!link.startsWith("socket:[")) {
      throw new IOException("fd " + fd + " is not a socket: " + link);
    }
    String inode = link.substring("socket:[".length(), link.length() - 1);
    for (String line : KernelFiles.lines(Path.of("/proc/net/unix"))) {
      String[] cols = line.trim().split("\\s+");
      if (cols.length >= 7 && cols[6].equals(inode)) {
        return true;
      }
    }
    return false;
  }
}
