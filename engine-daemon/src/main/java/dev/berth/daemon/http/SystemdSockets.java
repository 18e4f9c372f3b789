package dev.berth.daemon.http;

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

  /** Whether {@code fd} is a UNIX-domain socket: its inode is listed in {@code /proc/net/unix}. */
  static boolean isUnix(int fd) throws IOException {
    String link = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
    if (!link.startsWith("socket:[")) {
      throw new IOException("fd " + fd + " is not a socket: " + link);
    }
    String inode = link.substring("socket:[".length(), link.length() - 1);
    for (String line : Files.readAllLines(Path.of("/proc/net/unix"))) {
      String[] cols = line.trim().split("\\s+");
      if (cols.length >= 7 && cols[6].equals(inode)) {
        return true;
      }
    }
    return false;
  }
}
