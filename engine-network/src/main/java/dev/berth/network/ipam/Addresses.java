package dev.berth.network.ipam;

import dev.berth.api.errors.InvalidParameterException;
import java.math.BigInteger;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** IP literal parsing and formatting without DNS lookups. */
public final class Addresses {
  private Addresses() {}

  /** Parses an IPv4/IPv6 literal; {@code context} names the user's input in the error. Never resolves names. */
  public static InetAddress parse(String literal, String context) {
    String s = literal.strip();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    boolean looksV4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    boolean looksV6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
    if (!looksV4 && !looksV6) {
      throw new InvalidParameterException("invalid IP address: " + context);
    }
    try {
      return InetAddress.getByName(s);
    } catch (UnknownHostException e) {
      throw new InvalidParameterException("invalid IP address: " + context, e);
    }
  }

  public static InetAddress parse(String literal) {
    return parse(literal, literal);
  }

  public static BigInteger toInteger(InetAddress a) {
    return new BigInteger(1, a.getAddress());
  }

  public static InetAddress fromInteger(BigInteger v, boolean ipv6) {
    int len = ipv6 ? 16 : 4;
    byte[] raw = v.toByteArray();
    byte[] out = new byte[len];
    int copy = Math.min(raw.length, len);
    System.arraycopy(raw, raw.length - copy, out, len - copy, copy);
    try {
      return InetAddress.getByAddress(out);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Dotted quad, or RFC 5952 compressed IPv6 ({@code fd00::2}). */
  public static String format(InetAddress a) {
    if (!(a instanceof Inet6Address)) {
      return a.getHostAddress();
    }
    byte[] b = a.getAddress();
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) {
      w[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && w[j] == 0) {
        j++;
      }
      if (j - i > bestLen && j - i >= 2) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(w[i]));
    }
    return sb.toString();
  }

  public static boolean isIpv6(InetAddress a) {
    return a.getAddress().length == 16;
  }

  public static boolean sameBytes(InetAddress a, InetAddress b) {
    return Arrays.equals(a.getAddress(), b.getAddress());
  }
}
