package dev.berth.network;

import dev.berth.network.driver.NetworkDriver;
import dev.berth.network.ipam.Addresses;
import dev.berth.network.ipam.Subnet;
import dev.berth.network.portmap.BoundPort;
import dev.berth.network.portmap.PortMapper;
import dev.berth.network.portmap.PortMapping;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daemon start after a clean stop or a crash: rebuilds the kernel side from networks.json for the containers the
 * daemon says are still alive, and deletes what belongs to anyone else.
 */
final class Recovery {
  private static final Logger log = LoggerFactory.getLogger(Recovery.class);

  private final NetworkConfig cfg;
  private final NetworkServices svc;
  private final NetworkTable table;
  private final Map<String, NetworkDriver> drivers;
  private final Attachments attachments;

  Recovery(NetworkConfig cfg, NetworkServices svc, NetworkTable table, Map<String, NetworkDriver> drivers,
      Attachments attachments) {
    this.cfg = cfg;
    this.svc = svc;
    this.table = table;
    this.drivers = drivers;
    this.attachments = attachments;
  }

  void run(Set<String> live) {
    for (Network n : table.networks.values()) {
      restorePools(n);
      drivers.get(n.driver()).createNetwork(n);
    }
    for (Endpoint ep : List.copyOf(table.endpoints.values())) {
      Network n = table.networks.get(ep.networkId());
      if (n == null || !live.contains(ep.containerId())
          || (ep.hostInterface() != null && !table.sandboxes.containsKey(ep.containerId()))) {
        attachments.release(n, ep, false);
      } else {
        keep(n, ep);
      }
    }
    for (Sandbox sb : List.copyOf(table.sandboxes.values())) {
      if (!live.contains(sb.containerId())) {
        svc.netns().delete(Path.of(sb.key()));
        table.sandboxes.remove(sb.containerId());
      }
    }
    sweepNetnsDir();
    sweepBridgePorts();
    table.save();
    svc.firewall().apply();
  }

  /** Re-registers pools if ipam.json was lost, and the live endpoints' addresses with them. */
  private void restorePools(Network n) {
    for (IpamConfig c : n.ipam()) {
      Subnet s = Subnet.parse(c.subnet());
      String pool = NetworkManager.poolId(n, s);
      if (!svc.ipam().hasPool(pool)) {
        svc.ipam().addPool(pool, s, c.ipRange() == null ? null : Subnet.parse(c.ipRange()),
            c.gateway() == null ? null : Addresses.parse(c.gateway()));
        Ipam.reserveAux(svc, pool, c);
      }
    }
  }

  private void keep(Network n, Endpoint ep) {
    Sandbox sb = table.sandboxes.get(ep.containerId());
    AddressLease.of(n, ep).reserve(svc.ipam());
    try {
      attachments.registerDns(n, ep, sb);
    } catch (RuntimeException e) {
      log.warn("cannot restart embedded DNS for container {}", ep.containerId(), e);
    }
    if (!ep.ports().isEmpty()) {
      List<PortMapping> exact = new ArrayList<>();
      for (BoundPort p : ep.ports()) {
        exact.add(new PortMapping(p.proto(), p.containerPort(), 0, p.hostIp(), p.hostPort(), 0));
      }
      try {
        svc.ports().map(new PortMapper.Target(ep.id(), ep.containerName(), n.bridge(), Addresses.parse(ep.ipv4())),
            exact, Addresses.parse("0.0.0.0"));
      } catch (RuntimeException e) {
        log.warn("cannot re-publish ports of container {}", ep.containerId(), e);
      }
    }
  }

  private void sweepNetnsDir() {
    Set<Path> known = new HashSet<>();
    table.sandboxes.values().forEach(sb -> known.add(Path.of(sb.key())));
    if (!Files.isDirectory(cfg.netnsDir())) {
      return;
    }
    try (Stream<Path> files = Files.list(cfg.netnsDir())) {
      files.filter(f -> !known.contains(f)).forEach(f -> svc.netns().delete(f));
    } catch (IOException e) {
      log.warn("cannot sweep {}", cfg.netnsDir(), e);
    }
  }

  /** Deletes veths left on Berth's bridges by endpoints that no longer exist (never touches other bridges). */
  private void sweepBridgePorts() {
    Set<String> liveVeths = new HashSet<>();
    table.endpoints.values().forEach(e -> liveVeths.add(e.hostInterface()));
    for (Network n : table.networks.values()) {
      if (n.bridge() == null) {
        continue;
      }
      for (String port : svc.links().bridgePorts(n.bridge())) {
        if (!liveVeths.contains(port)) {
          log.info("removing stale interface {} from {}", port, n.bridge());
          svc.links().deleteLink(port);
        }
      }
    }
  }
}
