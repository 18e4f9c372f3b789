package dev.berth.storage.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Go's {@code net.DNSError} text for a name that does not resolve, as dockerd (Go's own resolver) prints it:
 * {@code lookup <host> on <nameserver>:53: no such host}, the nameserver being the first of
 * {@code /etc/resolv.conf} (Go's default {@code 127.0.0.1:53} when there is none).
 */
public final class GoDnsErrors {
  private static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");

  private GoDnsErrors() {}

  public static String noSuchHost(String host) {
    return noSuchHost(host, RESOLV_CONF);
  }

  static String noSuchHost(String host, Path resolvConf) {
    return "lookup " + host + " on " + nameserver(resolvConf) + ": no such host";
  }

  private static String nameserver(Path resolvConf) {
    try {
      for (String line : Files.readAllLines(resolvConf, StandardCharsets.ISO_8859_1)) {
        String[] f = line.strip().split("\\s+");
        if (f.length >= 2 && f[0].equals("nameserver")) {
          String ip = f[1].contains("%") ? f[1].substring(0, f[1].indexOf('%')) : f[1];
          return (ip.contains(":") ? "[" + ip + "]" : ip) + ":53";
        }
      }
    } catch (IOException | RuntimeException e) {
      // Go falls back to the local resolver too
    }
    return "127.0.0.1:53";
  }
}
