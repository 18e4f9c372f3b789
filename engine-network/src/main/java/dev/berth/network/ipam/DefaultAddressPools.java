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

  public List<Pool> pools() {
    return pools;
  }

  /** The first candidate overlapping none of {@code taken}; moby's error when there is none. */
  public Subnet next(Collection<Subnet> taken) {
    for (Pool p : pools) {
      if (p.base().ipv6()) {
        continue;
      }
      BigInteger step = BigInteger.ONE.shiftLeft(32 - p.size());
      for (BigInteger off = BigInteger.ZERO; off.compareTo(p.base().size()) < 0; off = off.add(step)) {
        Subnet candidate = Subnet.of(p.base().address(off), p.size());
        if (taken.stream().noneMatch(candidate::overlaps)) {
          return candidate;
        }
      }
    }
    throw new ForbiddenException("could not find an available, non-overlapping IPv4 address pool among the "
        + "defaults to assign to the network");
  }
}
