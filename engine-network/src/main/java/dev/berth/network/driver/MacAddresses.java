package dev.berth.network.driver;

import dev.berth.api.errors.InvalidParameterException;
import java.net.InetAddress;
import java.util.HexFormat;

/** MAC addresses: dockerd's {@code 02:42} + the four IPv4 bytes, or a validated user value. */
public final class MacAddresses {
  private MacAddresses() {}

  public static String fromIpv4(InetAddress ip) {
    byte[] a = ip.getAddress();
    return String.format("02:42:%02x:%02x:%02x:%02x", a[0] & 0xff, a[1] & 0xff, a[2] & 0xff, a[3] & 0xff);
  }

  /** Normalises {@code 02-42-AC-11-00-02} / {@code 02:42:ac:11:00:02} to lower-case colon form. */
  public static String parse(String mac) {
    String hex = mac.replace(":", "").replace("-", "");
    if (hex.length() != 12 || !hex.matches("[0-9A-Fa-f]{12}")) {
      throw new InvalidParameterException("invalid MAC address: " + mac);
    }
    byte[] b = HexFormat.of().parseHex(hex.toLowerCase());
    if ((b[0] & 1) != 0) {
      throw new InvalidParameterException("invalid MAC address: " + mac + " (multicast)");
    }
    return HexFormat.ofDelimiter(":").formatHex(b);
  }
}
