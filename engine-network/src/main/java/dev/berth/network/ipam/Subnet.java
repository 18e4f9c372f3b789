package dev.berth.network.ipam;

import dev.berth.api.errors.InvalidParameterException;
import java.math.BigInteger;
import java.net.InetAddress;

/** An IPv4 or IPv6 prefix, normalised (host bits zero). Offsets count addresses from the network address. */
public record Subnet(BigInteger base, int prefix, boolean ipv6) {

  public Subnet {
    int bits = ipv6 ? 128 : 32;
    if (prefix < 0 || prefix > bits) {
      throw new InvalidParameterException("invalid prefix length " + prefix);
    }
  }

  /** Parses {@code 10.1.0.0/16}; host bits set is dockerd's "it should be" error. */
  public static Subnet parse(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new InvalidParameterException("invalid CIDR address: " + cidr);
    }
    InetAddress addr = Addresses.parse(cidr.substring(0, slash), cidr);
    int prefix;
    try {
      prefix = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid CIDR address: " + cidr);
    }
    boolean v6 = addr.getAddress().length == 16;
    if (prefix < 0 || prefix > (v6 ? 128 : 32)) {
      throw new InvalidParameterException("invalid CIDR address: " + cidr);
    }
    Subnet s = of(addr, prefix);
    if (!s.base().equals(Addresses.toInteger(addr))) {
      throw new InvalidParameterException("invalid subnet " + cidr + ": it should be " + s);
    }
    return s;
  }

  /** The prefix of length {@code prefix} containing {@code addr} (host bits dropped). */
  public static Subnet of(InetAddress addr, int prefix) {
    boolean v6 = addr.getAddress().length == 16;
    int bits = v6 ? 128 : 32;
    BigInteger mask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE).not();
    return new Subnet(Addresses.toInteger(addr).and(mask).and(BigInteger.ONE.shiftLeft(bits).subtract(
        BigInteger.ONE)), prefix, v6);
  }

  public int bits() {
    return ipv6 ? 128 : 32;
  }

  public BigInteger size() {
    return BigInteger.ONE.shiftLeft(bits() - prefix);
  }

  public BigInteger last() {
    return base.add(size()).subtract(BigInteger.ONE);
  }

  public InetAddress address(BigInteger offset) {
    return Addresses.fromInteger(base.add(offset), ipv6);
  }

  public BigInteger offsetOf(InetAddress addr) {
    return Addresses.toInteger(addr).subtract(base);
  }

  public boolean contains(InetAddress addr) {
    if ((addr.getAddress().length == 16) != ipv6) {
      return false;
    }
    BigInteger v = Addresses.toInteger(addr);
    return v.compareTo(base) >= 0 && v.compareTo(last()) <= 0;
  }

  public boolean contains(Subnet other) {
    return other.ipv6 == ipv6 && other.base.compareTo(base) >= 0 && other.last().compareTo(last()) <= 0;
  }

  public boolean overlaps(Subnet other) {
    return other.ipv6 == ipv6 && base.compareTo(other.last()) <= 0 && other.base.compareTo(last()) <= 0;
  }

  public InetAddress network() {
    return address(BigInteger.ZERO);
  }

  @Override
  public String toString() {
    return Addresses.format(network()) + "/" + prefix;
  }
}
