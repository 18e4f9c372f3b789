package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * IPv6 on user-defined bridge networks with the stock CLI: global addresses from the v6 pool ({@code --ip6}
 * too), the v6 default route, inspect fields, AAAA answers of the embedded DNS, connect/disconnect, the ULA pool
 * of {@code --ipv6} without a subnet, and no IPv6 at all on interfaces of IPv4-only networks.
 */
@ExtendWith(DaemonExtension.class)
class NetworkIpv6IT {
  private static final String IMG = "busybox:v6";
  private final List<String> containers = new ArrayList<>();
  private final List<String> networks = new ArrayList<>();
  private final List<String> bridges = new ArrayList<>();
  /** A /64 of its own, so that other daemons on this host never share it. */
  private final String prefix = "fd00:" + Integer.toHexString(0x1000 + ThreadLocalRandom.current().nextInt(0xe000))
      + ":" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0xffff)) + "::";

  @BeforeAll
  static void image(DockerCli docker, @TempDir Path dir) {
    TestImages.importBusybox(docker, dir, IMG);
  }

  @AfterEach
  void cleanup(DockerCli docker) {
    containers.forEach(c -> docker.run("rm", "-f", c));
    networks.forEach(n -> docker.run("network", "rm", n));
    for (String br : bridges) {
      CliResult r = Processes.run(List.of("ip", "link", "show", br), Map.of(), null, Duration.ofSeconds(10));
      assertNotEquals(0, r.exitCode(), "bridge " + br + " left behind");
    }
  }

  @Test
  void dualStackEndpoints_addressesRoutesInspectAndDns(DockerCli docker) {
    String n = network(docker, "v6", "--ipv6", "--subnet", prefix + "/64");
    String s1 = container(docker, "run", "-d", "--name", "v6-s1", "--network", n, "--network-alias", "web6", IMG,
        "sleep", "60");
    assertEquals(prefix + "2|64|" + prefix + "1", docker.run("inspect", "-f", "{{with index .NetworkSettings.Networks \""
        + n + "\"}}{{.GlobalIPv6Address}}|{{.GlobalIPv6PrefixLen}}|{{.IPv6Gateway}}{{end}}", s1).out());
    assertEquals(prefix + "2/64", docker.run("network", "inspect", "-f",
        "{{range .Containers}}{{.IPv6Address}}{{end}}", n).out());
    CliResult r = docker.run("run", "--rm", "--network", n, "--ip6", prefix + "10", IMG, "sh", "-c",
        "ip -6 -o addr show eth0 scope global | awk '{print $4}'; ip -6 route show default | awk '{print $3}'; "
            + "ping -6 -c1 -W2 web6 >/dev/null && echo reached; nslookup -type=aaaa v6-s1 127.0.0.11 | tail -n +4");
    assertEquals(0, r.exitCode(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals(prefix + "10/64", lines.get(0), r::toString);
    assertEquals(prefix + "1", lines.get(1), r::toString);
    assertEquals("reached", lines.get(2), r::toString);
    assertTrue(r.out().contains("Address: " + prefix + "2"), r::toString);
    CliResult outside = docker.run("run", "--rm", "--network", n, "--ip6", "fd00:dead::5", IMG, "true");
    assertEquals(125, outside.exitCode(), outside::toString);
    assertTrue(outside.stderr().contains("invalid endpoint settings:\nno configured subnet or ip-range contain the "
        + "IP address fd00:dead::5"), outside::toString);
  }

  @Test
  void ipv4OnlyNetwork_hasNoIpv6_andRefusesIp6(DockerCli docker) {
    String n = network(docker, "v4");
    String c = container(docker, "run", "-d", "--name", "v4-only", "--network", n, IMG, "sleep", "60");
    CliResult r = docker.run("exec", c, "sh", "-c", "cat /proc/sys/net/ipv6/conf/eth0/disable_ipv6; "
        + "ip -6 addr show eth0 | wc -l; nslookup -type=aaaa v4-only 127.0.0.11 | grep -c Address:");
    assertEquals("1\n0\n1", r.out(), r::toString); // only the server's own "Address:" line: an empty answer
    assertEquals("||0", docker.run("inspect", "-f", "{{with index .NetworkSettings.Networks \"" + n + "\"}}"
        + "{{.GlobalIPv6Address}}|{{.IPv6Gateway}}|{{.GlobalIPv6PrefixLen}}{{end}}", c).out());
    CliResult refused = docker.run("run", "--rm", "--network", n, "--ip6", "fd00::5", IMG, "true");
    assertTrue(refused.stderr().contains("user specified IP address is supported only when connecting to networks "
        + "with user configured subnets"), refused::toString);
  }

  @Test
  void connectDisconnect_runningContainer_releasesTheV6Address(DockerCli docker) {
    String n6 = network(docker, "v6c", "--ipv6", "--subnet", prefix + "/64");
    String c = container(docker, "run", "-d", "--network", network(docker, "v4c"), IMG, "sleep", "60");
    assertEquals(0, docker.run("network", "connect", "--ip6", prefix + "20", n6, c).exitCode());
    assertEquals(prefix + "20/64", docker.run("exec", c, "sh", "-c",
        "ip -6 -o addr show eth1 scope global | awk '{print $4}'").out());
    assertEquals(0, docker.run("network", "disconnect", n6, c).exitCode());
    assertEquals("", docker.run("exec", c, "sh", "-c", "ip -6 -o addr show scope global").out());
    CliResult again = docker.run("run", "--rm", "--network", n6, "--ip6", prefix + "20", IMG, "true");
    assertEquals(0, again.exitCode(), "the address was released: " + again);
  }

  @Test
  void enableIpv6WithoutSubnet_takesAUlaSubnetFromTheDefaultPool(DockerCli docker) {
    String n = network(docker, "v6d", "--ipv6");
    String subnet = docker.run("network", "inspect", "-f", "{{(index .IPAM.Config 1).Subnet}}", n).out();
    assertTrue(subnet.matches("fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}(:[0-9a-f]{1,4})?::/64"), subnet);
    String base = subnet.substring(0, subnet.length() - "/64".length());
    assertEquals(base + "2/64", docker.run("run", "--rm", "--network", n, IMG, "sh", "-c",
        "ip -6 -o addr show eth0 scope global | awk '{print $4}'").out());
  }

  private String network(DockerCli docker, String base, String... flags) {
    String name = base + "-" + Long.toHexString(System.nanoTime() & 0xfffff);
    List<String> args = new ArrayList<>(List.of("network", "create"));
    args.addAll(List.of(flags));
    args.add(name);
    CliResult r = docker.run(args.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r::toString);
    networks.add(name);
    bridges.add("br-" + r.out().substring(0, 12));
    return name;
  }

  private String container(DockerCli docker, String... args) {
    CliResult r = docker.run(args);
    assertEquals(0, r.exitCode(), r::toString);
    containers.add(r.out());
    return r.out();
  }
}
