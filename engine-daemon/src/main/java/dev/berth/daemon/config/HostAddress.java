package dev.berth.daemon.config;

import java.util.OptionalInt;

/**
 * One {@code -H} value: {@code unix:///path}, {@code tcp://host:port} (port 2375 when omitted), {@code fd://} (all systemd-activated sockets) or {@code fd://N}.
 */
public sealed interface HostAddress {
  record Unix(String path) implements HostAddress {}

  record Tcp(String host, int port) implements HostAddress {}

  record Fd(OptionalInt fd) implements HostAddress {}

  static HostAddress parse(String s) {
    String v = s.trim();
    if (v.startsWith("unix://")) {
      String p = v.substring("unix://".length());
      if (p.isEmpty()) {
        p = "/var/run/docker.sock";
      }
      if (!p.startsWith("/")) {
        throw new ConfigException("invalid unix socket path (must be absolute): " + s);
      }
      return new Unix(p);
    }
    if (v.startsWith("fd://")) {
      String n = v.substring("fd://".length());
      if (n.isEmpty()) {
        return new Fd(OptionalInt.empty());
      }
      try {
        return new Fd(OptionalInt.of(Integer.parseInt(n)));
      } catch (NumberFormatException e) {
        throw new ConfigException("invalid fd address: " + s);
      }
    }
    if (v.startsWith("tcp://") || v.matches("^[^/:]*:\\d+$")) {
      String rest = v.startsWith("tcp://") ? v.substring("tcp://".length()) : v;
      int slash = rest.indexOf('/');
      if (slash >= 0) {
        rest = rest.substring(0, slash);
      }
      String host;
      String port;
      if (rest.startsWith("[")) {
        int end = rest.indexOf(']');
        if (end < 0) {
          throw new ConfigException("invalid bind address format: " + s);
        }
        host = rest.substring(1, end);
        port = rest.length() > end + 2 ? rest.substring(end + 2) : "";
      } else {
        int colon = rest.lastIndexOf(':');
        host = colon >= 0 ? rest.substring(0, colon) : rest;
        port = colon >= 0 ? rest.substring(colon + 1) : "";
      }
      if (host.isEmpty()) {
        host = "0.0.0.0";
      }
      int p;
      try {
        p = port.isEmpty() ? 2375 : Integer.parseInt(port);
      } catch (NumberFormatException e) {
        throw new ConfigException("invalid bind address format: " + s);
      }
      if (p < 0 || p > 65535) {
        throw new ConfigException("invalid bind address format: " + s + ": port out of range");
      }
      return new Tcp(host, p);
    }
    if (v.startsWith("/")) {
      return new Unix(v);
    }
    throw new ConfigException("invalid bind address format: " + s);
  }
}
