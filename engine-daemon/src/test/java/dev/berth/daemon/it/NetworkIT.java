package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container networking and {@code docker network} with the stock CLI against a real berthd: default bridge,
 * user networks with embedded DNS, static addresses, connect/disconnect, published ports, host/none/container
 * modes, dockerd's errors, prune, events; nothing of the daemon's is left on the host afterwards.
 */
@ExtendWith(DaemonExtension.class)
class NetworkIT {
  private static final String IMG = "busybox:net";
  private static final String HTTPD = "mkdir -p /www && echo \"$PAGE\" > /www/index.html && exec httpd -f -p 80 -h /www";
  /** Bridges of the networks this class created, and host ifindexes of its containers' veths. */
  private static final Set<String> bridges = Collections.synchronizedSet(new HashSet<>());
  private static final Set<Integer> veths = Collections.synchronizedSet(new HashSet<>());
  private final List<String> containers = new ArrayList<>();
  private final List<String> networks = new ArrayList<>();

  @BeforeAll
  static void image(DockerCli docker, @TempDir Path dir) {
    TestImages.importBusybox(docker, dir, IMG);
  }

  @AfterEach
  void cleanup(DockerCli docker) {
    for (String c : containers) {
      docker.run("rm", "-f", c);
    }
    for (String n : networks) {
      docker.run("network", "rm", n);
    }
    containers.clear();
    networks.clear();
  }

  /** Stops the daemon and checks it left no bridge, veth, netns file or nft table behind (removing any). */
  @AfterAll
  static void nothingLeftOnTheHost(BerthDaemon daemon, DockerCli docker) throws IOException {
    String all = docker.run("ps", "-aq").out();
    for (String id : all.isEmpty() ? new String[0] : all.split("\\s+")) {
      docker.run("rm", "-f", id);
    }
    docker.run("network", "prune", "-f");
    daemon.stop();
    daemon.cleanupHost();
    List<String> leftovers = new ArrayList<>();
    Set<String> links = hostLinks().keySet();
    for (String br : bridges) {
      if (links.contains(br)) {
        leftovers.add("bridge " + br);
        host("ip", "link", "del", br);
      }
    }
    if (links.contains(daemon.bridge()) && hostLinks().containsKey(daemon.bridge())) {
      leftovers.add("default bridge " + daemon.bridge());
    }
    Set<Integer> indexes = new HashSet<>(hostLinks().values());
    for (int idx : veths) {
      if (indexes.contains(idx)) {
        leftovers.add("veth ifindex " + idx);
      }
    }
    Path netns = daemon.execRoot().resolve("netns");
    if (Files.isDirectory(netns)) {
      try (Stream<Path> s = Files.list(netns)) {
        s.forEach(p -> {
          leftovers.add("netns " + p);
          host("umount", "-l", p.toString());
        });
      }
    }
    if (Files.readString(Path.of("/proc/self/mounts")).contains(daemon.execRoot().toString())) {
      leftovers.add("mounts under " + daemon.execRoot());
    }
    if (host("nft", "list", "table", "ip", "berth_" + daemon.bridge()).exitCode() == 0) {
      leftovers.add("nft table berth_" + daemon.bridge());
    }
    assertTrue(leftovers.isEmpty(), "left on the host: " + leftovers);
  }

  @Test
  void defaultBridge_addressInSubnet_reachesServerOnGateway(DockerCli docker) throws IOException {
    String[] ipam = docker.run("network", "inspect", "bridge", "-f",
        "{{(index .IPAM.Config 0).Subnet}} {{(index .IPAM.Config 0).Gateway}}").out().split(" ");
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ipam[1]), 0), 0);
    server.createContext("/", ex -> {
      byte[] body = "from-the-host".getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    server.start();
    try {
      CliResult r = docker.run("run", "--rm", IMG, "sh", "-c", "cat /sys/class/net/eth0/iflink; "
          + "ip -4 -o addr show eth0 | awk '{print $4}'; wget -qO- http://" + ipam[1] + ":"
          + server.getAddress().getPort() + "/");
      assertEquals(0, r.exitCode(), r::toString);
      String[] lines = r.out().split("\n");
      veths.add(Integer.parseInt(lines[0].strip()));
      assertTrue(inSubnet(lines[1].substring(0, lines[1].indexOf('/')), ipam[0]), lines[1] + " in " + ipam[0]);
      assertEquals("from-the-host", lines[2]);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void addHostAndDns_areWrittenToTheContainersFiles(DockerCli docker) {
    String gw = docker.run("network", "inspect", "bridge", "-f", "{{(index .IPAM.Config 0).Gateway}}").out();
    CliResult r = docker.run("run", "--rm", "--add-host", "foo:1.2.3.4", "--add-host", "gw:host-gateway",
        "--dns", "9.9.9.9", "--dns-search", "example.test", IMG, "cat", "/etc/hosts", "/etc/resolv.conf");
    assertEquals(0, r.exitCode(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains("1.2.3.4\tfoo") && lines.contains(gw + "\tgw"), r::toString);
    assertTrue(lines.contains("nameserver 9.9.9.9") && lines.contains("search example.test"), r::toString);
  }

  @Test
  void legacyLink_defaultBridge_hostsEnvAndInspect_userNetwork_dnsAlias(DockerCli docker) {
    String child = container(docker, "run", "-d", "--name", "linked-db", "--expose", "80", "-e", "FOO=bar", IMG,
        "sleep", "60");
    String ip = docker.run("inspect", "-f", "{{.NetworkSettings.Networks.bridge.IPAddress}}", child).out();
    containers.add("linker");
    CliResult r = docker.run("run", "--name", "linker", "--link", "linked-db:al", IMG, "sh", "-c",
        "cat /etc/hosts; env");
    assertEquals(0, r.exitCode(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.contains(ip + "	al " + child.substring(0, 12) + " linked-db"), r::toString);
    for (String v : List.of("AL_PORT=tcp://" + ip + ":80", "AL_PORT_80_TCP=tcp://" + ip + ":80",
        "AL_PORT_80_TCP_ADDR=" + ip, "AL_PORT_80_TCP_PORT=80", "AL_PORT_80_TCP_PROTO=tcp", "AL_NAME=/linker/al",
        "AL_ENV_FOO=bar")) {
      assertTrue(lines.contains(v), v + " in " + r);
    }
    assertEquals("[\"/linked-db:/linker/al\"]", docker.run("inspect", "-f", "{{json .HostConfig.Links}}",
        "linker").out());
    String n = network(docker, "linked");
    container(docker, "run", "-d", "--name", "linked-web", "--network", n, IMG, "sleep", "60");
    CliResult ping = docker.run("run", "--rm", "--network", n, "--link", "linked-web:wl", IMG,
        "ping", "-c1", "-W2", "wl");
    assertEquals(0, ping.exitCode(), ping::toString);
    assertNotEquals(0, docker.run("run", "--rm", "--network", n, IMG, "ping", "-c1", "-W1", "wl").exitCode());
  }

  @Test
  void stoppedContainer_keepsNetworkIdAndDnsNames_defaultBridgeHasNullDnsNames(DockerCli docker) {
    String n = network(docker, "kept");
    String bridgeId = docker.run("network", "inspect", "-f", "{{.Id}}", "bridge").out();
    String netId = docker.run("network", "inspect", "-f", "{{.Id}}", n).out();
    String running = container(docker, "run", "-d", IMG, "sleep", "60");
    assertEquals("null", docker.run("inspect", "-f", "{{json .NetworkSettings.Networks.bridge.DNSNames}}",
        running).out());
    containers.add("kept-stopped");
    assertEquals(0, docker.run("run", "--name", "kept-stopped", IMG, "true").exitCode());
    assertEquals(bridgeId + "|||null", docker.run("inspect", "-f", "{{with .NetworkSettings.Networks.bridge}}"
        + "{{.NetworkID}}|{{.EndpointID}}|{{.IPAddress}}|{{json .DNSNames}}{{end}}", "kept-stopped").out());
    String c = container(docker, "run", "-d", "--network", n, "--network-alias", "kx", "--name", "kept-user", IMG,
        "sleep", "60");
    assertEquals(0, docker.run("stop", "-t", "0", c).exitCode());
    assertEquals(netId + "|[\"kept-user\",\"kx\",\"" + c.substring(0, 12) + "\"]|", docker.run("inspect", "-f",
        "{{with index .NetworkSettings.Networks \"" + n + "\"}}{{.NetworkID}}|{{json .DNSNames}}|{{.IPAddress}}{{end}}",
        c).out());
  }

  @Test
  void auxAddresses_areShownAndNeverHandedOut(DockerCli docker) {
    String net = "10.78." + ThreadLocalRandom.current().nextInt(256);
    String n = network(docker, "aux", "--subnet", net + ".0/29", "--aux-address", "h=" + net + ".2",
        "--aux-address", "g=" + net + ".4");
    assertEquals("{\"g\":\"" + net + ".4\",\"h\":\"" + net + ".2\"}", docker.run("network", "inspect", "-f",
        "{{json (index .IPAM.Config 0).AuxiliaryAddresses}}", n).out());
    for (String want : List.of(net + ".3", net + ".5")) {
      String c = container(docker, "run", "-d", "--network", n, IMG, "sleep", "60");
      assertEquals(want, docker.run("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + n + "\").IPAddress}}",
          c).out());
    }
  }

  @Test
  void subnetWithoutGateway_inspectShowsNoGateway_likeDockerd28(DockerCli docker) {
    String net = "10.79." + ThreadLocalRandom.current().nextInt(256);
    String n = network(docker, "nogw", "--subnet", net + ".0/24");
    assertEquals("[{\"Subnet\":\"" + net + ".0/24\"}]",
        docker.run("network", "inspect", "-f", "{{json .IPAM.Config}}", n).out());
    String c = container(docker, "run", "-d", "--network", n, IMG, "sleep", "60");
    assertEquals(net + ".1", docker.run("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + n
        + "\").Gateway}}", c).out());
  }

  @Test
  void connectStoppedContainer_joinsAtStart(DockerCli docker) {
    String n = network(docker, "later");
    String c = container(docker, "create", "--name", "sleeper", IMG, "sleep", "60");
    CliResult connect = docker.run("network", "connect", "--alias", "dozer", n, c);
    assertEquals(0, connect.exitCode(), connect::toString);
    assertEquals("bridge " + n, docker.run("inspect", "-f",
        "{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}", c).out());
    assertEquals(0, docker.run("start", c).exitCode());
    veths.add(Integer.parseInt(docker.run("exec", c, "cat", "/sys/class/net/eth1/iflink").out()));
    String addr = docker.run("exec", c, "ip", "-4", "-o", "addr", "show", "eth1").out();
    String subnet = docker.run("network", "inspect", n, "-f", "{{(index .IPAM.Config 0).Subnet}}").out();
    assertTrue(inSubnet(addr.replaceAll(".* inet ([0-9.]+)/.*", "$1"), subnet), addr + " in " + subnet);
    assertEquals("[sleeper dozer " + c.substring(0, 12) + "]", docker.run("inspect", "-f",
        "{{(index .NetworkSettings.Networks \"" + n + "\").DNSNames}}", c).out());
    assertEquals("sleeper", docker.run("ps", "--filter", "network=" + n, "--format", "{{.Names}}").out());
  }

  @Test
  void userNetwork_namesAndAliasesResolve_otherNetworksCannotReach(DockerCli docker) {
    String n = network(docker, "front");
    String other = network(docker, "back");
    String web = container(docker, "run", "-d", "--network", n, "--name", "web", "--network-alias", "site",
        "-e", "PAGE=hello-web", IMG, "sh", "-c", HTTPD);
    waitHttp(docker, n, "web");
    for (String host : List.of("web", "site", web.substring(0, 12))) {
      CliResult get = docker.run("run", "--rm", "--network", n, IMG, "wget", "-qO-", "http://" + host + "/");
      assertEquals(0, get.exitCode(), host + ": " + get);
      assertEquals("hello-web", get.out());
    }
    String webIp = docker.run("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + n + "\").IPAddress}}",
        "web").out();
    String members = docker.run("network", "inspect", n, "-f",
        "{{range $id, $c := .Containers}}{{$id}} {{$c.Name}} {{$c.IPv4Address}} {{$c.MacAddress}}{{end}}").out();
    assertTrue(members.startsWith(web + " web " + webIp + "/"), members);
    assertTrue(members.matches(".* 02:42(:[0-9a-f]{2}){4}$"), members);
    for (String target : List.of("web", webIp)) {
      // PID 1 ignores the SIGTERM of timeout: keep sh as PID 1 ("||" stops it from exec-ing wget)
      CliResult blocked = docker.run("run", "--rm", "--network", other, IMG, "sh", "-c",
          "timeout 3 wget -qO- http://" + target + "/ || exit 7");
      assertNotEquals(0, blocked.exitCode(), target + " reached from another network: " + blocked);
      assertFalse(blocked.stdout().contains("hello-web"), blocked::toString);
    }
  }

  @Test
  void staticSubnetAndIp_connectAndDisconnectRunningContainer(DockerCli docker) {
    Instant since = Instant.now();
    String net = "10.77." + ThreadLocalRandom.current().nextInt(256);
    String n = network(docker, "fixed", "--subnet", net + ".0/24", "--gateway", net + ".1");
    assertEquals(net + ".0/24 " + net + ".1", docker.run("network", "inspect", n, "-f",
        "{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}").out());
    container(docker, "run", "-d", "--network", n, "--ip", net + ".50", "--name", "fixed-ip", IMG, "sleep", "60");
    assertEquals(net + ".50", docker.run("inspect", "-f",
        "{{(index .NetworkSettings.Networks \"" + n + "\").IPAddress}}", "fixed-ip").out());
    CliResult outside = docker.run("create", "--network", n, "--ip", "10.99.0.5", IMG, "true");
    assertTrue(outside.stderr().contains("invalid config for network " + n + ": invalid endpoint settings:\n"
        + "no configured subnet or ip-range contain the IP address 10.99.0.5"), outside::toString);

    String c = container(docker, "run", "-d", "--name", "roamer", IMG, "sleep", "60");
    veths.add(Integer.parseInt(docker.run("exec", c, "cat", "/sys/class/net/eth0/iflink").out()));
    CliResult connect = docker.run("network", "connect", "--alias", "wanderer", n, "roamer");
    assertEquals(0, connect.exitCode(), connect::toString);
    String addrs = docker.run("exec", "roamer", "ip", "-4", "-o", "addr").out();
    assertTrue(addrs.contains("eth1") && addrs.contains("inet " + net + "."), addrs);
    veths.add(Integer.parseInt(docker.run("exec", c, "cat", "/sys/class/net/eth1/iflink").out()));
    String hostname = docker.run("exec", "roamer", "hostname").out();
    String joinedIp = docker.run("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + n + "\").IPAddress}}",
        "roamer").out();
    assertTrue(docker.run("exec", "roamer", "cat", "/etc/hosts").out().contains(joinedIp + "\t" + hostname),
        "connect adds the container's own line for the new address, as dockerd");
    CliResult byAlias = docker.run("exec", "fixed-ip", "ping", "-c", "1", "-W", "2", "wanderer");
    assertEquals(0, byAlias.exitCode(), byAlias::toString);
    CliResult twice = docker.run("network", "connect", n, "roamer");
    assertTrue(twice.stderr().contains("endpoint with name roamer already exists in network " + n), twice::toString);

    CliResult disconnect = docker.run("network", "disconnect", n, "roamer");
    assertEquals(0, disconnect.exitCode(), disconnect::toString);
    assertFalse(docker.run("exec", "roamer", "ip", "-o", "link").out().contains("eth1"));
    assertFalse(docker.run("exec", "roamer", "cat", "/etc/hosts").out().contains(joinedIp + "\t"),
        "disconnect drops that line again");
    assertEquals("bridge", docker.run("inspect", "-f",
        "{{range $k, $v := .NetworkSettings.Networks}}{{$k}}{{end}}", "roamer").out());

    CliResult ev = docker.run("events", "--since", unix(since), "--until", unix(Instant.now()), "--filter",
        "type=network", "--filter", "network=" + n, "--format", "{{.Action}}");
    assertEquals(0, ev.exitCode(), ev::toString);
    assertEquals(List.of("create", "connect", "connect", "disconnect"), actions(ev.out()), ev::toString);
  }

  @Test
  void staticIp_outsideTheIpRange_butInTheSubnet_isAccepted(DockerCli docker) {
    String net = "10.78." + ThreadLocalRandom.current().nextInt(256);
    String n = network(docker, "ranged", "--subnet", net + ".0/24", "--ip-range", net + ".128/25");
    String c = container(docker, "run", "-d", "--network", n, "--ip", net + ".10", IMG, "sleep", "60");
    assertEquals(net + ".10", docker.run("inspect", "-f",
        "{{(index .NetworkSettings.Networks \"" + n + "\").IPAddress}}", c).out());
    CliResult again = docker.run("run", "--rm", "--network", n, "--ip", net + ".10", IMG, "true");
    assertTrue(again.exitCode() != 0 && again.stderr().contains("Address already in use"), again::toString);
  }

  @Test
  void publishedPorts_loopbackBinding_publishAll_dockerPort(DockerCli docker) throws IOException {
    int port = freePort();
    String p1 = container(docker, "run", "-d", "--name", "pub", "-p", "127.0.0.1:" + port + ":80",
        "-e", "PAGE=published", IMG, "sh", "-c", HTTPD);
    assertEquals("80/tcp -> 127.0.0.1:" + port, docker.run("port", p1).out());
    assertEquals("published", curl("http://127.0.0.1:" + port + "/"));
    String ps = docker.run("ps", "--filter", "name=pub", "--format", "{{.Ports}}").out();
    assertEquals("127.0.0.1:" + port + "->80/tcp", ps);

    String p2 = container(docker, "run", "-d", "--name", "puball", "--expose", "80", "-P", "-e", "PAGE=all",
        IMG, "sh", "-c", HTTPD);
    String mapped = docker.run("port", p2, "80/tcp").out().lines().findFirst().orElse("");
    assertTrue(mapped.matches("0\\.0\\.0\\.0:\\d+"), mapped);
    int hostPort = Integer.parseInt(mapped.substring(mapped.indexOf(':') + 1));
    String[] range = new String(Files.newInputStream(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
        .readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
    assertTrue(hostPort >= Integer.parseInt(range[0]) && hostPort <= Integer.parseInt(range[1]),
        hostPort + " in the kernel's ephemeral range " + String.join("-", range));
    assertEquals("all", curl("http://127.0.0.1:" + hostPort + "/"));
    assertTrue(docker.run("ps", "--filter", "name=puball", "--format", "{{.Ports}}").out()
        .contains(":" + hostPort + "->80/tcp"));

    assertEquals(0, docker.run("stop", "-t", "1", p1).exitCode());
    assertEquals("", curl("http://127.0.0.1:" + port + "/"), "the port closes with the container");
  }

  @Test
  void noneHostAndContainerModes(DockerCli docker) {
    CliResult none = docker.run("run", "--rm", "--network", "none", IMG, "ls", "/sys/class/net");
    assertEquals(0, none.exitCode(), none::toString);
    assertEquals(List.of("lo"), none.out().lines().map(String::strip).toList());

    CliResult host = docker.run("run", "--rm", "--network", "host", IMG, "ls", "/sys/class/net");
    assertEquals(0, host.exitCode(), host::toString);
    Set<String> inside = new HashSet<>(host.out().lines().map(String::strip).toList());
    String uplink = host("ip", "-o", "route", "show", "default").out().replaceAll(".* dev (\\S+).*", "$1");
    assertTrue(inside.contains(uplink) && inside.contains("lo"), uplink + " in " + inside);

    String n = network(docker, "shared");
    container(docker, "run", "-d", "--network", n, "--name", "web2", "-e", "PAGE=shared-ns", IMG, "sh", "-c",
        HTTPD);
    waitHttp(docker, n, "web2");
    String webIp = docker.run("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + n + "\").IPAddress}}",
        "web2").out();
    CliResult joined = docker.run("run", "--rm", "--network", "container:web2", IMG, "sh", "-c",
        "ip -4 -o addr show eth0 | awk '{print $4}'; wget -qO- http://127.0.0.1/");
    assertEquals(0, joined.exitCode(), joined::toString);
    assertEquals(List.of(webIp + "/" + prefix(docker, n), "shared-ns"), joined.out().lines().toList());
  }

  @Test
  void removeInUse_failsLikeDockerd_pruneRemovesUnused(DockerCli docker) {
    String n = network(docker, "busy");
    String c = container(docker, "run", "-d", "--network", n, "--name", "busy-c", IMG, "sleep", "60");
    String epId = docker.run("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + n + "\").EndpointID}}",
        c).out();
    CliResult rm = docker.run("network", "rm", n);
    assertNotEquals(0, rm.exitCode());
    assertTrue(rm.stderr().contains("Error response from daemon: error while removing network: network " + n
        + " has active endpoints (name:\"busy-c\" id:\"" + epId.substring(0, 12) + "\")"), rm::toString);
    CliResult predefined = docker.run("network", "rm", "bridge");
    assertTrue(predefined.stderr().contains("bridge is a pre-defined network and cannot be removed"),
        predefined::toString);
    CliResult dup = docker.run("network", "create", n);
    assertTrue(dup.stderr().contains("network with name " + n + " already exists"), dup::toString);

    String keep = network(docker, "keep", "--label", "keep=yes");
    String unused = network(docker, "unused");
    assertEquals(Set.of(keep, unused), new HashSet<>(docker.run("network", "ls", "--filter", "dangling=true",
        "--format", "{{.Name}}").out().lines().toList()));
    CliResult prune = docker.run("network", "prune", "-f", "--filter", "label!=keep");
    assertEquals(0, prune.exitCode(), prune::toString);
    assertEquals("Deleted Networks:\n" + unused, prune.out());
    List<String> left = docker.run("network", "ls", "--format", "{{.Name}}").out().lines().toList();
    assertTrue(left.contains(keep) && left.contains(n) && !left.contains(unused), left::toString);
    assertEquals("", docker.run("network", "prune", "-f", "--filter", "until=1h").out());
    docker.run("rm", "-f", c);
    assertEquals(0, docker.run("network", "rm", n).exitCode());
  }

  // --- helpers ---

  /** Creates a network named {@code base-<random>} with extra flags; returns its name. */
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

  /** Runs {@code docker <args>} for a detached container; returns its ID and records its veth. */
  private String container(DockerCli docker, String... args) {
    CliResult r = docker.run(args);
    assertEquals(0, r.exitCode(), r::toString);
    String id = r.out();
    containers.add(id);
    CliResult link = docker.run("exec", id, "cat", "/sys/class/net/eth0/iflink");
    if (link.exitCode() == 0) {
      veths.add(Integer.parseInt(link.out()));
    }
    return id;
  }

  /** Waits until httpd answers (this busybox's {@code wget -T} crashes: no -T anywhere). */
  private static void waitHttp(DockerCli docker, String network, String host) {
    for (int i = 0; i < 20; i++) {
      if (docker.run("run", "--rm", "--network", network, IMG, "wget", "-qO", "/dev/null",
          "http://" + host + "/").exitCode() == 0) {
        return;
      }
    }
  }

  private static int prefix(DockerCli docker, String network) {
    String subnet = docker.run("network", "inspect", network, "-f", "{{(index .IPAM.Config 0).Subnet}}").out();
    return Integer.parseInt(subnet.substring(subnet.indexOf('/') + 1));
  }

  private static List<String> actions(String out) {
    return out.lines().map(String::strip).toList();
  }

  private static String curl(String url) {
    CliResult r = host("curl", "-s", "-m", "5", url);
    return r.exitCode() == 0 ? r.out() : "";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static String unix(Instant t) {
    return t.getEpochSecond() + "." + String.format("%09d", t.getNano());
  }

  static boolean inSubnet(String ip, String cidr) {
    int slash = cidr.indexOf('/');
    int bits = Integer.parseInt(cidr.substring(slash + 1));
    long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
    return (v4(ip) & mask) == (v4(cidr.substring(0, slash)) & mask);
  }

  private static long v4(String ip) {
    long v = 0;
    for (String part : ip.split("\\.")) {
      v = (v << 8) | Integer.parseInt(part);
    }
    return v;
  }

  /** Host links by name → ifindex ({@code ip -o link}). */
  private static Map<String, Integer> hostLinks() {
    Map<String, Integer> out = new java.util.HashMap<>();
    for (String line : host("ip", "-o", "link").stdout().lines().toList()) {
      String[] f = line.split(":\\s+", 3);
      if (f.length >= 2) {
        String name = f[1].contains("@") ? f[1].substring(0, f[1].indexOf('@')) : f[1];
        out.put(name.strip(), Integer.parseInt(f[0].strip()));
      }
    }
    return out;
  }

  private static CliResult host(String... cmd) {
    return Processes.run(List.of(cmd), Map.of(), null, Duration.ofSeconds(20));
  }
}
