package dev.berth.network.linux;

import java.nio.file.Path;
import java.util.List;

/**
 * Link plumbing for the bridge driver. Coarse operations, so an implementation can batch each one into a single
 * {@code ip -batch} per namespace (the per-container path costs two execs). Deleting something missing is never an
 * error; everything else throws {@link dev.berth.api.errors.SystemException}.
 */
public interface LinkOps {

  /** A bridge and the addresses it carries (CIDR, e.g. {@code 172.18.0.1/16}); brought up. Idempotent. */
  record BridgeSpec(String name, int mtu, List<String> addresses) {}

  /**
   * A veth pair: {@code hostName} enslaved to {@code bridge} and up; the peer created straight inside the namespace
   * at {@code netns} as {@code ifName} with {@code mac}, {@code addresses} (CIDR, IPv4 and IPv6, the latter without
   * duplicate address detection) and, when {@code gateway} / {@code gateway6} are not null, default routes through
   * them. Loopback in that namespace is brought up too. Without {@code ipv6} (an IPv4-only network), IPv6 is
   * disabled on the peer before it comes up, so it gets no link-local address (dockerd 27+).
   */
  record VethSpec(String hostName, String bridge, int mtu, Path netns, String ifName, String mac,
      List<String> addresses, String gateway, String gateway6, boolean ipv6) {

    public VethSpec(String hostName, String bridge, int mtu, Path netns, String ifName, String mac,
        List<String> addresses, String gateway) {
      this(hostName, bridge, mtu, netns, ifName, mac, addresses, gateway, null, true);
    }
  }

  void createBridge(BridgeSpec spec);

  void createVeth(VethSpec spec);

  void setUp(String name, boolean up);

  void setMtu(String name, int mtu);

  void addAddress(String name, String cidr);

  /** Adds {@code destination} (CIDR or {@code default}) via {@code gateway} inside the namespace at {@code netns}. */
  void addRoute(Path netns, String destination, String gateway);

  /** Brings {@code lo} up inside the namespace (all a {@code --network none} sandbox gets). */
  void setLoopbackUp(Path netns);

  /** Deletes a link in the daemon's namespace (a veth takes its peer with it). Missing is fine. */
  void deleteLink(String name);

  /** Deletes a link inside a namespace (e.g. {@code eth1} on disconnect). Missing is fine. */
  void deleteLink(Path netns, String name);

  boolean exists(String name);

  /** Names of the links enslaved to {@code bridge} (to sweep stale veths); empty when the bridge is missing. */
  List<String> bridgePorts(String bridge);
}
