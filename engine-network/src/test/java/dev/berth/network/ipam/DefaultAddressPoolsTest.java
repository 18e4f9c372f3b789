package dev.berth.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.ForbiddenException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultAddressPoolsTest {
  private final DefaultAddressPools pools = DefaultAddressPools.dockerDefaults();

  @Test
  void ulaPoolIsDerivedFromTheHostIdLikeMoby() {
    // moby daemon_test.go TestDeriveULABaseNetwork
    assertEquals("fd42:98fc:1c14::/64", pools.withUla("").next(List.of(), true).toString());
    DefaultAddressPools p = pools.withUla("499d4bc0-b0b3-416f-b1ee-cf6486315593");
    assertEquals("fd62:fb69:18af::/64", p.next(List.of(), true).toString());
    assertEquals("fd62:fb69:18af:1::/64", p.next(List.of(Subnet.parse("fd62:fb69:18af::/64")), true).toString());
    assertEquals("172.17.0.0/16", p.next(List.of()).toString(), "IPv4 allocation is unchanged");
    ForbiddenException none = assertThrows(ForbiddenException.class, () -> pools.next(List.of(), true));
    assertEquals("could not find an available, non-overlapping IPv6 address pool among the defaults to assign to "
        + "the network", none.getMessage());
  }

  @Test
  void firstPoolWhenNothingIsUsed() {
    assertEquals("172.17.0.0/16", pools.next(List.of()).toString());
  }

  @Test
  void skipsSubnetsInUseOnTheHost() {
    // docker0 of a dockerd running here, and a route to 172.18.5.0/24
    assertEquals("172.19.0.0/16",
        pools.next(List.of(Subnet.parse("172.17.0.0/16"), Subnet.parse("172.18.5.0/24"))).toString());
  }

  @Test
  void afterThe172PoolsComes192168In20s() {
    List<Subnet> taken = new ArrayList<>();
    for (int i = 17; i <= 31; i++) {
      taken.add(Subnet.parse("172." + i + ".0.0/16"));
    }
    assertEquals("192.168.0.0/20", pools.next(taken).toString());
    taken.add(Subnet.parse("192.168.0.0/24"));
    assertEquals("192.168.16.0/20", pools.next(taken).toString());
  }

  @Test
  void exhaustedIsDockerdsError() {
    List<Subnet> taken = List.of(Subnet.parse("172.16.0.0/12"), Subnet.parse("192.168.0.0/16"));
    ForbiddenException e = assertThrows(ForbiddenException.class, () -> pools.next(taken));
    assertEquals("could not find an available, non-overlapping IPv4 address pool among the defaults to assign to "
        + "the network", e.getMessage());
  }

  @Test
  void procRouteParsing(@TempDir Path dir) throws Exception {
    Path route = dir.resolve("route");
    Files.writeString(route, """
        Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
        eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\t0\t0\t0
        eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0
        docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
        """);
    List<Subnet> used = new ProcHostSubnets(route, false).inUse();
    assertEquals(List.of(Subnet.parse("192.0.2.0/24"), Subnet.parse("172.17.0.0/16")), used);
    assertEquals("172.18.0.0/16", pools.next(used).toString());
  }
}
