package dev.berth.network.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records link operations as readable strings and keeps a model of links and their bridge. */
public final class FakeLinkOps implements LinkOps {
  public final List<String> calls = new ArrayList<>();
  /** Link name in the daemon namespace → master bridge ("" for none). */
  public final Map<String, String> links = new LinkedHashMap<>();
  /** Next createVeth fails with this, once. */
  public RuntimeException failNextVeth;

  @Override
  public synchronized void createBridge(BridgeSpec spec) {
    calls.add("bridge " + spec.name() + " mtu " + spec.mtu() + " " + spec.addresses());
    links.put(spec.name(), "");
  }

  @Override
  public synchronized void createVeth(VethSpec s) {
    if (failNextVeth != null) {
      RuntimeException e = failNextVeth;
      failNextVeth = null;
      throw e;
    }
    calls.add("veth " + s.hostName() + " master " + s.bridge() + " peer " + s.ifName() + " in " + s.netns()
        + " mac " + s.mac() + " " + s.addresses() + " gw " + s.gateway()
        + (s.gateway6() != null ? " gw6 " + s.gateway6() : "") + (s.ipv6() ? "" : " no-ipv6"));
    links.put(s.hostName(), s.bridge());
  }

  @Override
  public synchronized void setUp(String name, boolean up) {
    calls.add((up ? "up " : "down ") + name);
  }

  @Override
  public synchronized void setMtu(String name, int mtu) {
    calls.add("mtu " + name + " " + mtu);
  }

  @Override
  public synchronized void addAddress(String name, String cidr) {
    calls.add("addr " + name + " " + cidr);
  }

  @Override
  public synchronized void addRoute(Path netns, String destination, String gateway) {
    calls.add("route " + destination + " via " + gateway + " in " + netns);
  }

  @Override
  public synchronized void setLoopbackUp(Path netns) {
    calls.add("lo up in " + netns);
  }

  @Override
  public synchronized void deleteLink(String name) {
    calls.add("del " + name);
    links.remove(name);
  }

  @Override
  public synchronized void deleteLink(Path netns, String name) {
    calls.add("del " + name + " in " + netns);
  }

  @Override
  public synchronized boolean exists(String name) {
    return links.containsKey(name);
  }

  @Override
  public synchronized List<String> bridgePorts(String bridge) {
    return links.entrySet().stream().filter(e -> e.getValue().equals(bridge)).map(Map.Entry::getKey).toList();
  }
}
