package dev.berth.network.ipam;

import dev.berth.api.errors.ForbiddenException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;

/**
 * dockerd's {@code default-address-pools}: each base prefix split into subnets of {@code size} bits; a new network
 * takes the first subnet overlapping nothing already used by Berth or present on the host (routes, addresses).
 */
public final class DefaultAddressPools {

  /** One {@code {"base":"172.17.0.0/16","size":16}} entry of daemon.json. */
  public record Pool(Subnet base, int size) {}

  private final List<Pool> pools;

  public DefaultAddressPools(List<Pool> pools) {
    this.pools = List.copyOf(pools);
  }

  /** 172.17.0.0/16 … 172.31.0.0/16 as /16s, then 192.168.0.0/16 as /20s (moby ipamutils). */
  public static DefaultAddressPools dockerDefaults() {
    List<Pool> list = new java.util.ArrayList<>();
    for (int i = 17; i <= 31; i++) {
      list.add(new Pool(Subnet.parse("172." + i + ".0.0/16"), 16));
    }
    list.add(new Pool(Subnet.parse("192.168.0.0/16"), 20));
    return new DefaultAddressPools(list);
  }

  /**
   * These pools plus dockerd's host-specific ULA pool when none of them is IPv6: {@code fd00::/8} with 40 bits of
   * SHA-256({@code hostId}) as Global ID, a /48 split into /64s (moby {@code deriveULABaseNetwork}).
   */
  public DefaultAddressPools withUla(String hostId) {
    if (pools.stream().anyMatch(p -> p.base().ipv6())) {
      return this;
    }
    byte[] sha;
    try {
      sha = java.security.MessageDigest.getInstance("SHA-256").digest(hostId.getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    BigInteger gid = new BigInteger(1, java.util.Arrays.copyOf(sha, 8)).and(BigInteger.ONE.shiftLeft(40)
        .subtract(BigInteger.ONE));
    BigInteger base = BigInteger.valueOf(0xfd).shiftLeft(120).add(gid.shiftLeft(80));
    List<Pool> all = new java.util.ArrayList<>(pools);
    all.add(new Pool(new Subnet(base, 48, true), 64));
    return new DefaultAddressPools(all);
  }

  public List<Pool> pools() {
    return pools;
  }

  /** The first IPv4 candidate overlapping none of {@code taken}; moby's error when there is none. */
  public Subnet next(Collection<Subnet> taken) {
    return next(taken, false);
  }

  /** The first IPv4 or IPv6 candidate overlapping none of {@code taken}; moby's error when there is none. */
  public Subnet next(Collection<Subnet> taken, boolean ipv6) {
    for (Pool p : pools) {
      if (p.base().ipv6() != ipv6) {
        continue;
      }
      BigInteger step = BigInteger.ONE.shiftLeft(p.base().bits() - p.size());
      for (BigInteger off = BigInteger.ZERO; off.compareTo(p.base().size()) < 0; off = off.add(step)) {
        Subnet candidate = Subnet.of(p.base().address(off), p.size());
        if (taken.stream().noneMatch(candidate::overlaps)) {
          return candidate;
        }
      }
    }
    throw new ForbiddenException("could not find an available, non-overlapping IPv" + (ipv6 ? 6 : 4)
        + " address pool among the defaults to assign to the network");
  }
}
