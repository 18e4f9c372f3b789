package dev.berth.network.linux;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LinkOps} with iproute2. {@code ip -n} only takes names under /run/netns, but {@code ip link add … peer …
 * netns PATH} accepts a path, and inside-namespace work is one {@code nsenter --net=PATH ip -batch -}. (Starting
 * {@code ip} from the NetnsExecutor thread while inside would save nsenter's exec, but the JDK creates helper
 * threads lazily, such as the process reaper and virtual-thread carriers, from the thread that starts a process;
 * they would inherit the sandbox's namespace and pin it forever. See NetnsExecutor.)
 */
public final class IpLinkOps implements LinkOps {
  private final CommandRunner runner;
  private final NetnsOps netns;

  public IpLinkOps(CommandRunner runner) {
    this(runner, null);
  }

  /** {@code netns} (may be null: IPv6 is then left on) writes the per-interface IPv6 switch inside sandboxes. */
  public IpLinkOps(CommandRunner runner, NetnsOps netns) {
    this.runner = runner;
    this.netns = netns;
  }

  @Override
  public void createBridge(BridgeSpec spec) {
    if (!exists(spec.name())) {
      runner.check("create bridge", List.of("ip", "link", "add", spec.name(), "mtu", String.valueOf(spec.mtu()),
          "type", "bridge"), null);
    }
    StringBuilder batch = new StringBuilder();
    for (String a : spec.addresses()) {
      batch.append("addr replace ").append(a).append(" dev ").append(spec.name()).append(a.contains(":")
          ? " nodad\n" : "\n");
    }
    batch.append("link set ").append(spec.name()).append(" up\n");
    runner.check("configure bridge", List.of("ip", "-batch", "-"), batch.toString());
  }

  @Override
  public void createVeth(VethSpec s) {
    String mtu = String.valueOf(s.mtu());
    runner.check("create veth", List.of("ip", "link", "add", s.hostName(), "mtu", mtu, "master", s.bridge(), "up",
        "type", "veth", "peer", "name", s.ifName(), "mtu", mtu, "address", s.mac(), "netns", s.netns().toString()),
        null);
    StringBuilder batch = new StringBuilder("link set lo up\n");
    for (String a : s.addresses()) {
      batch.append("addr add ").append(a).append(" dev ").append(s.ifName()).append(a.contains(":") ? " nodad\n"
          : "\n");
    }
    batch.append("link set ").append(s.ifName()).append(" up\n");
    for (String gw : new String[] {s.gateway(), s.gateway6()}) {
      if (gw != null) {
        batch.append("route replace default via ").append(gw).append(" dev ").append(s.ifName()).append('\n');
      }
    }
    try {
      if (!s.ipv6()) {
        disableIpv6(s.netns(), s.ifName());
      }
      inNetns(s.netns(), "configure " + s.ifName(), batch.toString());
    } catch (RuntimeException e) {
      deleteLink(s.hostName());
      throw e;
    }
  }

  @Override
  public void setUp(String name, boolean up) {
    runner.check("set link state", List.of("ip", "link", "set", name, up ? "up" : "down"), null);
  }

  @Override
  public void setMtu(String name, int mtu) {
    runner.check("set mtu", List.of("ip", "link", "set", name, "mtu", String.valueOf(mtu)), null);
  }

  @Override
  public void addAddress(String name, String cidr) {
    runner.check("add address", List.of("ip", "addr", "replace", cidr, "dev", name), null);
  }

  @Override
  public void addRoute(Path netns, String destination, String gateway) {
    inNetns(netns, "add route", "route replace " + destination + " via " + gateway + "\n");
  }

  @Override
  public void setLoopbackUp(Path netns) {
    inNetns(netns, "loopback up", "link set lo up\n");
  }

  @Override
  public void deleteLink(String name) {
    runner.run(List.of("ip", "link", "del", name), null);
  }

  @Override
  public void deleteLink(Path ns, String name) {
    runIn(ns, List.of("ip", "link", "del", name), null);
  }

  @Override
  public boolean exists(String name) {
    return runner.run(List.of("ip", "link", "show", "dev", name), null).ok();
  }

  @Override
  public List<String> bridgePorts(String bridge) {
    CommandRunner.Result r = runner.run(List.of("ip", "-o", "link", "show", "master", bridge), null);
    List<String> names = new ArrayList<>();
    if (!r.ok()) {
      return names;
    }
    for (String line : r.stdout().split("\n")) {
      String[] f = line.split(":\\s+", 3);
      if (f.length >= 2) {
        names.add(f[1].contains("@") ? f[1].substring(0, f[1].indexOf('@')) : f[1]);
      }
    }
    return names;
  }

  /** dockerd's {@code setIPv6(…, false)}: a kernel without IPv6 has no such file, which is fine. */
  private void disableIpv6(Path ns, String ifName) {
    if (netns == null) {
      return;
    }
    netns.callIn(ns, () -> {
      java.nio.file.Path knob = Path.of("/proc/sys/net/ipv6/conf", ifName, "disable_ipv6");
      if (java.nio.file.Files.exists(knob)) {
        java.nio.file.Files.writeString(knob, "1");
      }
      return null;
    });
  }

  private void inNetns(Path ns, String what, String batch) {
    CommandRunner.Result r = runIn(ns, List.of("ip", "-batch", "-"), batch);
    if (!r.ok()) {
      throw new dev.berth.api.errors.SystemException(what + " in " + ns + ": " + r.stderr().strip());
    }
  }

  private CommandRunner.Result runIn(Path ns, List<String> argv, String stdin) {
    List<String> full = new ArrayList<>(List.of("nsenter", "--net=" + ns));
    full.addAll(argv);
    return runner.run(full, stdin);
  }
}
