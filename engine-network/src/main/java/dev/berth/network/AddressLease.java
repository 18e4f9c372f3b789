package dev.berth.network;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.UnavailableException;
import dev.berth.network.ipam.Addresses;
import dev.berth.network.ipam.IpamAllocator;
import dev.berth.network.ipam.Subnet;
import java.net.InetAddress;

/**
 * The addresses one endpoint holds on a network (libnetwork {@code assignAddress}): IPv4 from the network's IPv4
 * pool, and IPv6 from its IPv6 pool when the network has IPv6 enabled. Fields are null when absent; CIDR forms
 * carry the subnet's prefix length.
 */
record AddressLease(String v4Pool, InetAddress v4, String v4Cidr, String v6Pool, InetAddress v6, String v6Cidr,
    String v6Gateway) {

  /** Allocates both families; nothing stays allocated when this throws. */
  static AddressLease allocate(IpamAllocator ipam, Network n, EndpointRequest req) {
    IpamConfig c4 = n.ipv4Config();
    IpamConfig c6 = n.ipv6Config();
    if (req.ipv6Address() != null && c6 == null) {
      throw new InvalidParameterException(EndpointRequest.STATIC_ONLY);
    }
    String pool4 = null;
    InetAddress ip4 = null;
    String cidr4 = null;
    if (c4 != null) {
      Subnet s4 = Subnet.parse(c4.subnet());
      pool4 = NetworkManager.poolId(n, s4);
      ip4 = take(ipam, pool4, req.ipv4Address(), n, 4);
      cidr4 = Addresses.format(ip4) + "/" + s4.prefix();
    }
    if (c6 == null) {
      return new AddressLease(pool4, ip4, cidr4, null, null, null, null);
    }
    Subnet s6 = Subnet.parse(c6.subnet());
    String pool6 = NetworkManager.poolId(n, s6);
    InetAddress ip6;
    try {
      ip6 = take(ipam, pool6, req.ipv6Address(), n, 6);
    } catch (RuntimeException e) {
      if (ip4 != null) {
        ipam.release(pool4, ip4);
      }
      throw e;
    }
    return new AddressLease(pool4, ip4, cidr4, pool6, ip6, Addresses.format(ip6) + "/" + s6.prefix(),
        c6.gateway());
  }

  /** Gives both addresses back (an endpoint going away, or a join that failed). */
  void release(IpamAllocator ipam) {
    if (v4 != null) {
      ipam.release(v4Pool, v4);
    }
    if (v6 != null) {
      ipam.release(v6Pool, v6);
    }
  }

  /** The lease a stored endpoint holds (to release it or, after a restart, to re-reserve it). */
  static AddressLease of(Network n, Endpoint ep) {
    IpamConfig c4 = n.ipv4Config();
    IpamConfig c6 = n.ipv6Config();
    boolean has4 = ep.ipv4() != null && c4 != null;
    boolean has6 = ep.ipv6() != null && c6 != null;
    return new AddressLease(has4 ? NetworkManager.poolId(n, Subnet.parse(c4.subnet())) : null,
        has4 ? Addresses.parse(ep.ipv4()) : null, ep.ipv4Address(),
        has6 ? NetworkManager.poolId(n, Subnet.parse(c6.subnet())) : null, has6 ? Addresses.parse(ep.ipv6()) : null,
        ep.ipv6Address(), ep.ipv6Gateway());
  }

  /** Marks the lease's addresses allocated again if the allocator lost them (restart). */
  void reserve(IpamAllocator ipam) {
    if (v4 != null && !ipam.isAllocated(v4Pool, v4)) {
      ipam.allocate(v4Pool, v4);
    }
    if (v6 != null && !ipam.isAllocated(v6Pool, v6)) {
      ipam.allocate(v6Pool, v6);
    }
  }

  private static InetAddress take(IpamAllocator ipam, String pool, String requested, Network n, int family) {
    try {
      return ipam.allocate(pool, requested == null ? null : Addresses.parse(requested));
    } catch (UnavailableException e) {
      throw new UnavailableException("no available IPv" + family + " addresses on this network's address pools: "
          + n.name() + " (" + n.id() + ")", e);
    }
  }
}
