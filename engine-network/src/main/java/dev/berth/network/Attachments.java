package dev.berth.network;

import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.network.driver.BridgeDriver;
import dev.berth.network.driver.MacAddresses;
import dev.berth.network.driver.NetworkDriver;
import dev.berth.network.ipam.Addresses;
import dev.berth.network.ipam.Subnet;
import dev.berth.network.portmap.BoundPort;
import dev.berth.network.portmap.PortMapper;
import dev.berth.network.portmap.PortMapping;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sandboxes and endpoints: the per-container half of {@link NetworkManager} (called under its lock). Each
 * operation either completes or undoes what it did (address, veth, DNS names) before rethrowing.
 */
final class Attachments {
  private final NetworkConfig cfg;
  private final NetworkServices svc;
  private final NetworkTable table;
  private final Map<String, NetworkDriver> drivers;

  Attachments(NetworkConfig cfg, NetworkServices svc, NetworkTable table, Map<String, NetworkDriver> drivers) {
    this.cfg = cfg;
    this.svc = svc;
    this.table = table;
    this.drivers = drivers;
  }

  Sandbox createSandbox(String containerId) {
    Sandbox existing = table.sandboxes.get(containerId);
    if (existing != null) {
      return existing;
    }
    String id = Ids.hex(6);
    Path key = cfg.netnsDir().resolve(id);
    svc.netns().create(key); // lo comes up with the first join (bridge veth batch, or the none driver)
    Sandbox sb = new Sandbox(containerId, id, key.toString());
    table.sandboxes.put(containerId, sb);
    // Not saved here: the connect that always follows saves it. After a crash in between, the start-up sweep of
    // the netns directory removes the unrecorded file.
    return sb;
  }

  Endpoint connect(Network n, String containerId, EndpointRequest req, List<PortMapping> ports) {
    if (table.endpoint(n.id(), containerId).isPresent()) {
      throw new ForbiddenException("endpoint with name " + req.containerName() + " already exists in network "
          + n.name());
    }
    if (n.isDefaultBridge() && (req.ipv4Address() != null || req.ipv6Address() != null)) {
      throw new InvalidParameterException("user specified IP address is supported on user defined networks only");
    }
    if (n.isDefaultBridge() && !req.aliases().isEmpty()) {
      throw new InvalidParameterException("network-scoped alias is supported only for containers in user defined "
          + "networks");
    }
    NetworkDriver driver = drivers.get(n.driver());
    Sandbox sb = table.sandboxes.get(containerId);
    if (driver.needsAddress() && sb == null) {
      throw new SystemException("container " + containerId + " has no network sandbox");
    }
    String epId = Ids.id();
    if (!driver.needsAddress()) {
      Endpoint ep = new Endpoint(epId, n.id(), containerId, req.containerName(), null, null, null, null, null,
          false, req.aliases(), List.of(), List.of());
      driver.join(n, ep, sb == null ? null : Path.of(sb.key()));
      table.endpoints.put(epId, ep);
      table.save();
      return ep;
    }
    AddressLease lease = AddressLease.allocate(svc.ipam(), n, req);
    boolean gatewayEndpoint = !n.internal()
        && table.endpointsOfContainer(containerId).stream().noneMatch(Endpoint::gatewayEndpoint);
    IpamConfig v4 = n.ipv4Config();
    Endpoint ep = new Endpoint(epId, n.id(), containerId, req.containerName(), nextIfName(containerId),
        "veth" + Ids.hex(4).substring(0, 7), req.macAddress() != null ? MacAddresses.parse(req.macAddress())
            : MacAddresses.fromIpv4(lease.v4()),
        lease.v4Cidr(), v4 == null ? null : v4.gateway(), gatewayEndpoint, req.aliases(),
        n.hasEmbeddedDns() ? dnsNames(req, containerId) : List.of(), List.of(), lease.v6Cidr(), lease.v6Gateway());
    // The veth (two ip execs), the embedded DNS (socket + nft in the sandbox) and the published ports (proxy +
    // nft elements) are independent: they run side by side, so the join costs the slowest of them, not the sum.
    Endpoint joined = ep;
    CompletableFuture<Void> dns = async(() -> registerDns(n, joined, sb));
    CompletableFuture<List<BoundPort>> published = gatewayEndpoint && !ports.isEmpty()
        ? CompletableFuture.supplyAsync(() -> map(n, joined, ports), VIRTUAL) : CompletableFuture.completedFuture(
            List.of());
    RuntimeException failure = null;
    try {
      driver.join(n, ep, Path.of(sb.key()));
    } catch (RuntimeException e) {
      failure = e;
    }
    failure = awaitAll(failure, dns, published);
    if (failure != null) {
      svc.ports().unmap(epId);
      unregisterDns(n, ep, sb);
      driver.leave(n, ep, Path.of(sb.key()), false);
      lease.release(svc.ipam());
      throw failure;
    }
    ep = ep.withPorts(published.join());
    table.endpoints.put(epId, ep);
    table.save();
    return ep;
  }

  void disconnect(Network n, String containerId) {
    Endpoint ep = table.endpoint(n.id(), containerId).orElseThrow(() -> new ForbiddenException("container "
        + containerId + " is not connected to network " + n.name()));
    release(n, ep, false);
    table.save();
  }

  List<BoundPort> publish(String containerId, List<PortMapping> mappings) {
    Endpoint ep = table.endpointsOfContainer(containerId).stream().filter(Endpoint::gatewayEndpoint).findFirst()
        .orElse(null);
    if (ep == null || mappings.isEmpty()) {
      return List.of(); // none, host, internal-only: nothing to publish (dockerd ignores the bindings)
    }
    svc.ports().unmap(ep.id());
    List<BoundPort> bound = map(table.networks.get(ep.networkId()), ep, mappings);
    table.endpoints.put(ep.id(), ep.withPorts(bound));
    table.save();
    return bound;
  }

  private List<BoundPort> map(Network n, Endpoint ep, List<PortMapping> mappings) {
    InetAddress defaultIp = Addresses.parse(((BridgeDriver) drivers.get("bridge")).options(n).hostBindingIpv4());
    return svc.ports().map(new PortMapper.Target(ep.id(), ep.containerName(), n.bridge(),
        Addresses.parse(ep.ipv4())), mappings, defaultIp);
  }

  void removeSandbox(String containerId) {
    List<Endpoint> eps = table.endpointsOfContainer(containerId);
    // Withdrawing published ports (nft element deletes wait for an RCU grace period, ~15 ms) overlaps with the rest;
    // the host ports are free again once this method returns. A crash in between is healed by the full re-apply
    // at start-up, which renders only what networks.json still holds.
    CompletableFuture<Void> unpublished = async(() -> eps.forEach(ep -> svc.ports().unmap(ep.id())));
    for (Endpoint ep : eps) {
      release(table.networks.get(ep.networkId()), ep, true, false);
    }
    Sandbox sb = table.sandboxes.remove(containerId);
    if (sb != null) {
      svc.dns().stop(sb.id());
      svc.netns().delete(Path.of(sb.key()));
    }
    table.save();
    RuntimeException failure = awaitAll(null, unpublished);
    if (failure != null) {
      throw failure;
    }
  }

  void release(Network n, Endpoint ep, boolean sandboxGoing) {
    release(n, ep, sandboxGoing, true);
  }

  /** Undoes one endpoint: ports, DNS names, veth, address. {@code sandboxGoing}: see NetworkDriver.leave. */
  private void release(Network n, Endpoint ep, boolean sandboxGoing, boolean unmapPorts) {
    if (unmapPorts) {
      svc.ports().unmap(ep.id());
    }
    Sandbox sb = table.sandboxes.get(ep.containerId());
    table.endpoints.remove(ep.id());
    if (n == null) {
      return;
    }
    unregisterDns(n, ep, sb);
    drivers.get(n.driver()).leave(n, ep, sb == null ? null : Path.of(sb.key()), sandboxGoing);
    AddressLease.of(n, ep).release(svc.ipam());
  }

  void registerDns(Network n, Endpoint ep, Sandbox sb) {
    if (!n.hasEmbeddedDns() || sb == null) {
      return;
    }
    List<InetAddress> ips = new ArrayList<>();
    if (ep.ipv4() != null) {
      ips.add(Addresses.parse(ep.ipv4()));
    }
    if (ep.ipv6() != null) {
      ips.add(Addresses.parse(ep.ipv6()));
    }
    svc.dnsRegistry().register(sb.id(), n.id(), n.name(), n.internal(), ep.id(), ips, ep.dnsNames());
    svc.dns().start(sb.id(), Path.of(sb.key()));
  }

  private void unregisterDns(Network n, Endpoint ep, Sandbox sb) {
    if (!n.hasEmbeddedDns() || sb == null) {
      return;
    }
    svc.dnsRegistry().unregister(sb.id(), n.id(), ep.id());
    boolean stillNeeded = table.endpointsOfContainer(ep.containerId()).stream()
        .anyMatch(e -> !e.id().equals(ep.id()) && table.networks.get(e.networkId()).hasEmbeddedDns());
    if (!stillNeeded) {
      svc.dns().stop(sb.id());
    }
  }

  private static final java.util.concurrent.Executor VIRTUAL = r -> Thread.ofVirtual().start(r);

  private static CompletableFuture<Void> async(Runnable r) {
    return CompletableFuture.runAsync(r, VIRTUAL);
  }

  /** Waits for every future; returns the first failure (the given one first), the others suppressed. */
  private static RuntimeException awaitAll(RuntimeException first, CompletableFuture<?>... futures) {
    RuntimeException failure = first;
    for (CompletableFuture<?> f : futures) {
      try {
        f.join();
      } catch (java.util.concurrent.CompletionException e) {
        RuntimeException cause = e.getCause() instanceof RuntimeException re ? re
            : new SystemException("network setup failed", e.getCause());
        if (failure == null) {
          failure = cause;
        } else {
          failure.addSuppressed(cause);
        }
      }
    }
    return failure;
  }

  private String nextIfName(String containerId) {
    List<String> used = new ArrayList<>(table.endpointsOfContainer(containerId).stream().map(Endpoint::ifName)
        .toList());
    for (int i = 0; ; i++) {
      if (!used.contains("eth" + i)) {
        return "eth" + i;
      }
    }
  }

  private static List<String> dnsNames(EndpointRequest req, String containerId) {
    List<String> names = new ArrayList<>();
    if (!req.containerName().isEmpty()) {
      names.add(req.containerName());
    }
    names.addAll(req.aliases());
    names.add(containerId.length() > 12 ? containerId.substring(0, 12) : containerId);
    return names.stream().distinct().toList();
  }
}
