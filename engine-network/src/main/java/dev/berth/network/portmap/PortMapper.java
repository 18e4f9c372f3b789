package dev.berth.network.portmap;

import dev.berth.api.errors.SystemException;
import dev.berth.network.firewall.FirewallManager;
import dev.berth.network.firewall.PortRule;
import dev.berth.network.ipam.Addresses;
import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes an endpoint's ports: claims each host port, binds its proxy (which also proves no host process has it)
 * and installs DNAT + forward rules in one firewall transaction. All or nothing: on any failure everything claimed
 * so far is released and the error is dockerd's "Bind for 0.0.0.0:8080 failed: port is already allocated".
 */
public final class PortMapper {
  private static final int EPHEMERAL_TRIES = 64;

  private final PortAllocator allocator;
  private final PortProxy proxy;
  private final FirewallManager firewall;
  private final Map<String, List<Published>> byEndpoint = new ConcurrentHashMap<>();

  private record Published(String proto, InetAddress hostIp, int hostPort, Closeable proxy) {}

  /** What {@link #map} needs about the endpoint. */
  public record Target(String endpointId, String endpointName, String bridge, InetAddress containerIp) {}

  private boolean dnat = true;

  /**
   * Firewall-respecting mode ({@code publish-respects-firewall}): no DNAT rules, so traffic to a published port
   * ends at the userland proxy on the host and passes the host's INPUT chain (ufw, firewalld, nft input hooks)
   * like any local service, instead of being forwarded before the host firewall sees it (moby#22054).
   */
  public PortMapper withoutDnat() {
    this.dnat = false;
    return this;
  }

  public PortMapper(PortAllocator allocator, PortProxy proxy, FirewallManager firewall) {
    this.allocator = allocator;
    this.proxy = proxy;
    this.firewall = firewall;
  }

  /**
   * Publishes {@code mappings} for {@code target}; {@code defaultHostIp} (the network's host_binding_ipv4, or
   * 0.0.0.0) applies where a mapping names no host address. Returns the ports as bound, in mapping order.
   */
  public List<BoundPort> map(Target target, List<PortMapping> mappings, InetAddress defaultHostIp) {
    List<Published> done = new ArrayList<>();
    List<BoundPort> bound = new ArrayList<>();
    List<PortRule> rules = new ArrayList<>();
    try {
      for (PortMapping m : mappings) {
        InetAddress hostIp = m.hostIp() == null ? defaultHostIp : Addresses.parse(m.hostIp());
        if (Addresses.isIpv6(hostIp)) {
          continue; // IPv4-only NAT for now; an IPv6 host address publishes nothing rather than failing
        }
        int count = m.containerPortEnd() - m.containerPort() + 1;
        for (int i = 0; i < count; i++) {
          int containerPort = m.containerPort() + i;
          Published p = publishOne(target, m, i, hostIp, containerPort);
          done.add(p);
          bound.add(new BoundPort(m.proto(), Addresses.format(hostIp), p.hostPort(), containerPort));
          if (dnat) {
            rules.add(new PortRule(target.bridge(), m.proto(), hostIp, p.hostPort(), target.containerIp(),
                containerPort));
          }
        }
      }
      firewall.putPorts(target.endpointId(), rules);
    } catch (RuntimeException e) {
      done.forEach(this::release);
      throw e;
    }
    byEndpoint.put(target.endpointId(), done);
    return bound;
  }

  /** Withdraws everything published for the endpoint. Unknown endpoints are fine. */
  public void unmap(String endpointId) {
    List<Published> list = byEndpoint.remove(endpointId);
    firewall.removePorts(endpointId);
    if (list != null) {
      list.forEach(this::release);
    }
  }

  /** Closes every proxy (daemon shutdown). Firewall rules stay until the next start re-applies them. */
  public void close() {
    byEndpoint.values().forEach(list -> list.forEach(this::release));
    byEndpoint.clear();
  }

  private Published publishOne(Target t, PortMapping m, int index, InetAddress hostIp, int containerPort) {
    boolean exact = m.hostPort() != 0 && (m.containerPortEnd() > m.containerPort() || m.hostPortEnd() == m.hostPort());
    if (exact) {
      int port = m.hostPort() + index;
      if (!allocator.claim(m.proto(), hostIp, port)) {
        throw alreadyAllocated(t, hostIp, port);
      }
      return bind(t, m.proto(), hostIp, port, containerPort, true);
    }
    // Ephemeral (-P or no host port) or a host range for one container port: first port that claims and binds.
    int start = m.hostPort() == 0 ? allocator.ephemeralStart() : m.hostPort();
    int end = m.hostPort() == 0 ? allocator.ephemeralEnd() : m.hostPortEnd();
    int tries = m.hostPort() == 0 ? EPHEMERAL_TRIES : end - start + 1;
    for (int i = 0; i < tries; i++) {
      int port = m.hostPort() == 0 ? allocator.claimEphemeral(m.proto(), hostIp) : start + i;
      if (port < 0 || (m.hostPort() != 0 && !allocator.claim(m.proto(), hostIp, port))) {
        continue;
      }
      Published p = bind(t, m.proto(), hostIp, port, containerPort, false);
      if (p != null) {
        return p;
      }
    }
    throw alreadyAllocated(t, hostIp, m.hostPort() == 0 ? start : m.hostPort());
  }

  /** Binds the proxy; on a bind failure releases the claim and throws (exact) or returns null (search). */
  private Published bind(Target t, String proto, InetAddress hostIp, int port, int containerPort, boolean exact) {
    try {
      return new Published(proto, hostIp, port, proxy.start(proto, hostIp, port, t.containerIp(), containerPort));
    } catch (BindException e) {
      allocator.release(proto, hostIp, port);
      if (exact) {
        throw alreadyAllocated(t, hostIp, port);
      }
      return null;
    } catch (IOException e) {
      allocator.release(proto, hostIp, port);
      throw new SystemException("driver failed programming external connectivity on endpoint "
          + t.endpointName() + " (" + t.endpointId() + "): " + e.getMessage(), e);
    }
  }

  private void release(Published p) {
    try {
      p.proxy().close();
    } catch (IOException ignored) {
      // the port is released below either way
    }
    allocator.release(p.proto(), p.hostIp(), p.hostPort());
  }

  private static SystemException alreadyAllocated(Target t, InetAddress hostIp, int port) {
    return new SystemException("driver failed programming external connectivity on endpoint " + t.endpointName()
        + " (" + t.endpointId() + "): Bind for " + Addresses.format(hostIp) + ":" + port
        + " failed: port is already allocated");
  }
}
