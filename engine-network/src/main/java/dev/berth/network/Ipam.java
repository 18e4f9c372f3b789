package dev.berth.network;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.network.ipam.Addresses;
import dev.berth.network.ipam.Subnet;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Turns a network's requested IPAM config into registered pools (default pool when no IPv4 subnet is given). */
final class Ipam {
  private final NetworkServices svc;
  private final NetworkConfig cfg;

  Ipam(NetworkServices svc, NetworkConfig cfg) {
    this.svc = svc;
    this.cfg = cfg;
  }

  /** Registers the pools and returns the effective config (subnet and gateway always filled in). */
  List<IpamConfig> assign(Network n) {
    List<IpamConfig> wanted = new ArrayList<>(n.ipam());
    boolean hasV4 = wanted.stream().anyMatch(c -> c.subnet() != null && !Subnet.parse(c.subnet()).ipv6());
    IpamConfig defaultPool = null;
    if (!hasV4) {
      List<Subnet> taken = new ArrayList<>(svc.ipam().subnets());
      taken.addAll(svc.hostSubnets().inUse());
      defaultPool = new IpamConfig(cfg.defaultAddressPools().next(taken).toString(), null, null);
      wanted.add(0, defaultPool);
    }
    List<IpamConfig> effective = new ArrayList<>();
    try {
      for (IpamConfig c : wanted) {
        if (c.subnet() == null) {
          continue; // a gateway or range without a subnet is ignored, like an empty Config entry in dockerd
        }
        Subnet subnet = Subnet.parse(c.subnet());
        Subnet range = c.ipRange() == null || c.ipRange().isEmpty() ? null : Subnet.parse(c.ipRange());
        InetAddress gw = c.gateway() == null || c.gateway().isEmpty() ? null : Addresses.parse(c.gateway());
        String pool = NetworkManager.poolId(n, subnet);
        InetAddress actual = svc.ipam().addPool(pool, subnet, range, gw);
        effective.add(new IpamConfig(subnet.toString(), range == null ? null : range.toString(),
            Addresses.format(actual), c.auxAddresses(), gw == null && c != defaultPool));
        reserveAux(svc, pool, c);
      }
    } catch (RuntimeException e) {
      effective.forEach(c -> svc.ipam().removePool(NetworkManager.poolId(n, Subnet.parse(c.subnet()))));
      throw e;
    }
    return effective;
  }

  /**
   * libnetwork's {@code --aux-address} reservations: each address the pool can hand out is taken so that no
   * container gets it; one outside the allocation range is kept silently.
   */
  static void reserveAux(NetworkServices svc, String pool, IpamConfig c) {
    if (c.auxAddresses() == null) {
      return;
    }
    new java.util.TreeMap<>(c.auxAddresses()).forEach((name, addr) -> {
      try {
        svc.ipam().allocate(pool, Addresses.parse(addr));
      } catch (InvalidParameterException e) {
        // out of the ip-range: nothing to reserve
      } catch (RuntimeException e) {
        throw new SystemException("failed to allocate secondary ip address (" + name + ":" + addr + "): "
            + e.getMessage(), e);
      }
    });
  }
}
