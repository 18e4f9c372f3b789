package dev.berth.network.portmap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Host ports handed to containers, per protocol and host address; a wildcard address conflicts with every
 * address. Ephemeral ports come serially from the kernel's {@code ip_local_port_range}, as dockerd does for -P.
 * Thread-safe.
 */
public final class PortAllocator {
  private final int ephemeralStart;
  private final int ephemeralEnd;
  private final Map<String, Set<String>> used = new HashMap<>(); // "tcp/8080" -> host addresses ("" = wildcard)
  private int nextEphemeral;

  public PortAllocator(int ephemeralStart, int ephemeralEnd) {
    this.ephemeralStart = ephemeralStart;
    this.ephemeralEnd = ephemeralEnd;
    this.nextEphemeral = ephemeralStart;
  }

  /**
   * Reads {@code /proc/sys/net/ipv4/ip_local_port_range}; dockerd's 49153-65535 when unreadable. Read as a
   * stream: {@code Files.readString} sizes its buffer from the file, and this sysctl then yields only one byte.
   */
  public static PortAllocator fromKernel(Path rangeFile) {
    try (InputStream in = Files.newInputStream(rangeFile)) {
      String[] f = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
      return new PortAllocator(Integer.parseInt(f[0]), Integer.parseInt(f[1]));
    } catch (IOException | RuntimeException e) {
      return new PortAllocator(49153, 65535);
    }
  }

  public int ephemeralStart() {
    return ephemeralStart;
  }

  public int ephemeralEnd() {
    return ephemeralEnd;
  }

  /** Claims exactly {@code port}; false when taken. */
  public synchronized boolean claim(String proto, InetAddress hostIp, int port) {
    Set<String> ips = used.computeIfAbsent(proto + "/" + port, k -> new HashSet<>());
    String ip = key(hostIp);
    if (ips.contains(ip) || ips.contains("") || (ip.isEmpty() && !ips.isEmpty())) {
      return false;
    }
    ips.add(ip);
    return true;
  }

  /** The next free port of the ephemeral range (serial, wrapping), or -1 when all are taken. */
  public synchronized int claimEphemeral(String proto, InetAddress hostIp) {
    int span = ephemeralEnd - ephemeralStart + 1;
    for (int i = 0; i < span; i++) {
      int port = nextEphemeral;
      nextEphemeral = port >= ephemeralEnd ? ephemeralStart : port + 1;
      if (claim(proto, hostIp, port)) {
        return port;
      }
    }
    return -1;
  }

  public synchronized void release(String proto, InetAddress hostIp, int port) {
    Set<String> ips = used.get(proto + "/" + port);
    if (ips != null) {
      ips.remove(key(hostIp));
      if (ips.isEmpty()) {
        used.remove(proto + "/" + port);
      }
    }
  }

  private static String key(InetAddress ip) {
    return ip == null || ip.isAnyLocalAddress() ? "" : ip.getHostAddress();
  }
}
