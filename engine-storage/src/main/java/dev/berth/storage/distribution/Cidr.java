package dev.berth.storage.distribution;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IP prefix such as {@code 127.0.0.0/8} or {@code ::1/128}, for insecure-registries matching. */
record Cidr(byte[] network, int bits) {

  /** Parses {@code addr/bits}; empty when {@code s} is not CIDR notation (then it is a host name). */
  static Optional<Cidr> parse(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String addr = s.substring(0, slash);
    if (!addr.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
      return Optional.empty();
    }
    try {
      byte[] net = InetAddress.getByName(addr).getAddress();
      int bits = Integer.parseInt(s.substring(slash + 1));
      if (bits < 0 || bits > net.length * 8) {
        return Optional.empty();
      }
      return Optional.of(new Cidr(net, bits));
    } catch (UnknownHostException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    if (a.length != network.length) {
      return false;
    }
    int full = bits / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (network[full] & mask);
  }
}
