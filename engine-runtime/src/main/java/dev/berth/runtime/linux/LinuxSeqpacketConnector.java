package dev.berth.runtime.linux;

import dev.berth.runtime.monitor.SeqpacketConnector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Connects AF_UNIX SOCK_SEQPACKET sockets (conmon's attach socket), which neither the JDK nor Netty can connect
 * (both fail with EPROTOTYPE). The fd is created non-blocking and close-on-exec, ready for Netty's epoll channel.
 */
public final class LinuxSeqpacketConnector implements SeqpacketConnector {
  private static final int AF_UNIX = 1;
  private static final int SOCK_SEQPACKET = 5;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int SOCK_NONBLOCK = 0x800;
  private static final int EAGAIN = 11;
  private static final int SUN_PATH_MAX = 108;

  private final LibC libc;

  public LinuxSeqpacketConnector() {
    this.libc = Linux.libc();
  }

  @Override
  public int connect(Path socket) {
    byte[] path = socket.toString().getBytes(StandardCharsets.UTF_8);
    if (path.length >= SUN_PATH_MAX) {
      throw new IllegalArgumentException("socket path longer than 107 bytes: " + socket);
    }
    byte[] address = new byte[2 + SUN_PATH_MAX];
    address[0] = AF_UNIX; // sa_family_t, little endian
    System.arraycopy(path, 0, address, 2, path.length);
    int fd = libc.socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
      int errno = Linux.lastErrno();
      throw Errno.toException("socket(AF_UNIX, SOCK_SEQPACKET)", errno, libc.strerror(errno));
    }
    for (int attempt = 0; ; attempt++) {
      if (libc.connect(fd, address, 2 + path.length + 1) == 0) {
        return fd;
      }
      int errno = Linux.lastErrno();
      if (errno == EAGAIN && attempt < 50) { // listen backlog full: conmon accepts soon
        sleepBriefly();
        continue;
      }
      libc.close(fd);
      throw Errno.toException("connect to " + socket, errno, libc.strerror(errno));
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(10);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
