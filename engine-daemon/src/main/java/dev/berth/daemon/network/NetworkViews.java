package dev.berth.daemon.network;

import dev.berth.api.model.GoTime;
import dev.berth.api.model.network.Ipam;
import dev.berth.api.model.network.IpamConfig;
import dev.berth.api.model.network.NetworkResource;
import dev.berth.api.model.network.NetworkResource.EndpointResource;
import dev.berth.network.Endpoint;
import dev.berth.network.Network;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The wire shape of networks (moby {@code buildNetworkResource}, {@code buildContainerAttachments}). */
final class NetworkViews {
  static final String LOCAL = "local";

  private NetworkViews() {}

  static NetworkResource resource(Network n, Map<String, EndpointResource> containers) {
    List<IpamConfig> config = n.ipam().isEmpty() ? null : n.ipam().stream()
        .map(c -> new IpamConfig(c.subnet(), c.ipRange(), c.shownGateway(), c.auxAddresses())).toList();
    // Go writes map keys sorted. dockerd: the CLI sends "Options": {} for user networks; the daemon's own networks have none
    Ipam ipam = new Ipam(Ipam.DEFAULT_DRIVER, n.isPredefined() ? null : Map.of(), config);
    return new NetworkResource(n.name(), n.id(), created(n.created()), LOCAL, n.driver(), true, n.enableIpv6(),
        ipam, n.internal(), n.attachable(), false, null, false, containers, new TreeMap<>(n.options()),
        new TreeMap<>(n.labels()), null, null);
  }

  /** Inspect's {@code Containers}: container ID → endpoint (addresses in CIDR form, empty when absent). */
  static Map<String, EndpointResource> containers(List<Endpoint> endpoints) {
    Map<String, EndpointResource> out = new LinkedHashMap<>();
    for (Endpoint ep : endpoints) {
      out.put(ep.containerId(), new EndpointResource(ep.containerName(), ep.id(), nn(ep.macAddress()),
          nn(ep.ipv4Address()), ""));
    }
    return out;
  }

  private static String created(String stored) {
    try {
      return GoTime.rfc3339Nano(Instant.parse(stored));
    } catch (DateTimeException | NullPointerException e) {
      return GoTime.ZERO;
    }
  }

  private static String nn(String s) {
    return s == null ? "" : s;
  }
}
