package dev.berth.daemon.network;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.network.ipam.Addresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;

/**
 * An address with a prefix length, host bits kept (Go {@code netip.Prefix}), for validating what users typed
 * with moby's wording before the network module sees it.
 */
record Cidr(BigInteger address, int bits, boolean ipv6) {

  /** Parses {@code a.b.c.d/n} or {@code v6/n}; null when it is not CIDR notation. */
  static Cidr parse(String text) {
    if (text == null) {
      return null;
    }
    int slash = text.indexOf('/');
    if (slash < 0 || !text.substring(slash + 1).matches("\\d{1,3}")) {
      return null;
    }
    InetAddress a;
    try {
      a = Addresses.parse(text.substring(0, slash));
    } catch (InvalidParameterException e) {
      return null;
    }
    boolean v6 = Addresses.isIpv6(a);
    int bits = Integer.parseInt(text.substring(slash + 1));
    if (bits > (v6 ? 128 : 32)) {
      return null;
    }
    return new Cidr(Addresses.toInteger(a), bits, v6);
  }

  int width() {
    return ipv6 ? 128 : 32;
  }

  BigInteger network() {
    return address.shiftRight(width() - bits).shiftLeft(width() - bits);
  }

  boolean isMasked() {
    return address.equals(network());
  }

  Cidr masked() {
    return new Cidr(network(), bits, ipv6);
  }

  /** Whether {@code other}'s address lies in this prefix. */
  boolean contains(Cidr other) {
    return other.ipv6 == ipv6 && other.address.shiftRight(width() - bits).equals(address.shiftRight(width() - bits));
  }

  /** Go {@code Prefix.Overlaps}: same family and one contains the other's network. */
  boolean overlaps(Cidr other) {
    if (other.ipv6 != ipv6) {
      return false;
    }
    int common = Math.min(bits, other.bits);
    return address.shiftRight(width() - common).equals(other.address.shiftRight(width() - common));
  }

  String family() {
    return ipv6 ? "IPv6" : "IPv4";
  }

  @Override
  public String toString() {
    return Addresses.format(Addresses.fromInteger(address, ipv6)) + "/" + bits;
  }

  /** moby's {@code multierror.Join}: one error as is, several as a bulleted list. */
  static String joinErrors(List<String> errs) {
    if (errs.size() == 1) {
      return errs.get(0).strip();
    }
    return "* " + String.join("\n* ", errs.stream().map(e -> e.replace("\n", "\n\t")).toList());
  }
}
