package dev.berth.network.ipam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.UnavailableException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IpamAllocatorTest {
  private static InetAddress ip(String s) {
    return Addresses.parse(s);
  }

  private static String fmt(InetAddress a) {
    return Addresses.format(a);
  }

  @Test
  void gatewayIsFirstAddressAndAllocationsFollow() {
    IpamAllocator ipam = new IpamAllocator(null);
    InetAddress gw = ipam.addPool("n/10.251.1.0/24", Subnet.parse("10.251.1.0/24"), null, null);
    assertEquals("10.251.1.1", fmt(gw));
    assertEquals("10.251.1.2", fmt(ipam.allocate("n/10.251.1.0/24", null)));
    assertEquals("10.251.1.3", fmt(ipam.allocate("n/10.251.1.0/24", null)));
  }

  @Test
  void explicitGatewayIsSkipped() {
    IpamAllocator ipam = new IpamAllocator(null);
    ipam.addPool("p", Subnet.parse("10.251.1.0/24"), null, ip("10.251.1.2"));
    assertEquals("10.251.1.1", fmt(ipam.allocate("p", null)));
    assertEquals("10.251.1.3", fmt(ipam.allocate("p", null)));
  }

  @Test
  void ipRangeLimitsAllocation() {
    IpamAllocator ipam = new IpamAllocator(null);
    InetAddress gw = ipam.addPool("p", Subnet.parse("10.251.0.0/16"), Subnet.parse("10.251.5.0/30"),
        ip("10.251.0.1"));
    assertEquals("10.251.0.1", fmt(gw));
    // The range's own first and last addresses are ordinary hosts of the /16.
    for (String want : new String[] {"10.251.5.0", "10.251.5.1", "10.251.5.2", "10.251.5.3"}) {
      assertEquals(want, fmt(ipam.allocate("p", null)));
    }
    assertThrows(UnavailableException.class, () -> ipam.allocate("p", null));
    assertThrows(InvalidParameterException.class, () -> ipam.allocate("p", ip("10.252.6.9")));
  }

  @Test
  void requestedAddressMayLieOutsideTheRange_butInsideTheSubnet(@TempDir Path dir) {
    Path file = dir.resolve("ipam.json");
    IpamAllocator ipam = new IpamAllocator(file);
    ipam.addPool("p", Subnet.parse("10.251.0.0/24"), Subnet.parse("10.251.0.128/25"), null);
    assertEquals("10.251.0.10", fmt(ipam.allocate("p", ip("10.251.0.10"))));
    assertThrows(IpamAllocator.AddressInUseException.class, () -> ipam.allocate("p", ip("10.251.0.10")));
    assertThrows(IpamAllocator.AddressInUseException.class, () -> ipam.allocate("p", ip("10.251.0.0")));
    assertEquals("10.251.0.129", fmt(ipam.allocate("p", null)), "dynamic allocation stays in the range");
    assertTrue(new IpamAllocator(file).isAllocated("p", ip("10.251.0.10")), "persisted");
    ipam.release("p", ip("10.251.0.10"));
    assertFalse(ipam.isAllocated("p", ip("10.251.0.10")));
  }

  @Test
  void requestedAddressHonouredOrAlreadyInUse() {
    IpamAllocator ipam = new IpamAllocator(null);
    ipam.addPool("p", Subnet.parse("10.251.1.0/24"), null, null);
    assertEquals("10.251.1.50", fmt(ipam.allocate("p", ip("10.251.1.50"))));
    IpamAllocator.AddressInUseException e = assertThrows(IpamAllocator.AddressInUseException.class,
        () -> ipam.allocate("p", ip("10.251.1.50")));
    assertEquals("Address already in use", e.getMessage());
    assertThrows(IpamAllocator.AddressInUseException.class, () -> ipam.allocate("p", ip("10.251.1.1")));
    assertThrows(InvalidParameterException.class, () -> ipam.allocate("p", ip("10.251.2.5")));
  }

  @Test
  void releasedAddressIsNotReusedImmediately() {
    IpamAllocator ipam = new IpamAllocator(null);
    ipam.addPool("p", Subnet.parse("10.251.1.0/24"), null, null);
    InetAddress a = ipam.allocate("p", null);
    ipam.release("p", a);
    assertEquals("10.251.1.3", fmt(ipam.allocate("p", null)));
  }

  @Test
  void exhaustionWrapsThenFails() {
    IpamAllocator ipam = new IpamAllocator(null);
    ipam.addPool("p", Subnet.parse("10.251.1.0/29"), null, null); // .1 gw, .2-.6 usable, .7 broadcast
    Set<String> got = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      got.add(fmt(ipam.allocate("p", null)));
    }
    assertEquals(Set.of("10.251.1.2", "10.251.1.3", "10.251.1.4", "10.251.1.5", "10.251.1.6"), got);
    assertThrows(UnavailableException.class, () -> ipam.allocate("p", null));
    ipam.release("p", ip("10.251.1.4"));
    assertEquals("10.251.1.4", fmt(ipam.allocate("p", null)));
  }

  @Test
  void overlappingPoolsAreRefused() {
    IpamAllocator ipam = new IpamAllocator(null);
    ipam.addPool("a", Subnet.parse("10.251.0.0/16"), null, null);
    PoolOverlapException e = assertThrows(PoolOverlapException.class,
        () -> ipam.addPool("b", Subnet.parse("10.251.7.0/24"), null, null));
    assertEquals("invalid pool request: Pool overlaps with other one on this address space", e.getMessage());
  }

  @Test
  void stateSurvivesRestartAndNeverDoubleAllocates(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("ipam.json");
    IpamAllocator first = new IpamAllocator(file);
    first.addPool("p", Subnet.parse("10.251.1.0/24"), null, null);
    InetAddress a = first.allocate("p", null);
    InetAddress b = first.allocate("p", null);
    first.release("p", a);
    assertTrue(Files.exists(file));
    assertFalse(Files.exists(dir.resolve(".ipam.json.tmp")));

    IpamAllocator second = new IpamAllocator(file);
    assertTrue(second.isAllocated("p", b));
    assertFalse(second.isAllocated("p", a));
    InetAddress c = second.allocate("p", null);
    assertEquals("10.251.1.4", fmt(c), "serial cursor persisted too");
    assertThrows(IpamAllocator.AddressInUseException.class, () -> second.allocate("p", b));
    assertEquals("10.251.1.1", fmt(second.gateway("p")));
  }

  @Test
  void ipv6PoolsWork() {
    IpamAllocator ipam = new IpamAllocator(null);
    InetAddress gw = ipam.addPool("p6", Subnet.parse("fd00:beef::/64"), null, null);
    assertEquals("fd00:beef::1", fmt(gw));
    assertEquals("fd00:beef::2", fmt(ipam.allocate("p6", null)));
    assertEquals("fd00:beef::ffff", fmt(ipam.allocate("p6", ip("fd00:beef::ffff"))));
  }

  @Test
  void subnetParsingIsStrict() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> Subnet.parse("10.251.1.5/24"));
    assertEquals("invalid subnet 10.251.1.5/24: it should be 10.251.1.0/24", e.getMessage());
    assertThrows(InvalidParameterException.class, () -> Subnet.parse("10.251.1.0"));
    assertThrows(InvalidParameterException.class, () -> Subnet.parse("example.com/24"));
    assertTrue(Subnet.parse("10.0.0.0/8").overlaps(Subnet.parse("10.251.0.0/16")));
    assertFalse(Subnet.parse("10.0.0.0/16").overlaps(Subnet.parse("10.1.0.0/16")));
  }
}
