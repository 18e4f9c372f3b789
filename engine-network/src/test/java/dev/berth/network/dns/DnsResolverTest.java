package dev.berth.network.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.network.ipam.Addresses;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DnsResolverTest {
  private final DnsRegistry reg = new DnsRegistry();
  private final DnsResolver resolver = new DnsResolver(reg);

  DnsResolverTest() {
    reg.register("sbA", "n1", "appnet", false, "e1", Addresses.parse("10.251.1.2"),
        List.of("web", "frontend", "0123456789ab"));
    reg.register("sbB", "n1", "appnet", false, "e2", Addresses.parse("10.251.1.3"), List.of("db", "DataBase"));
    reg.register("sbC", "n2", "other", true, "e3", Addresses.parse("10.251.2.2"), List.of("lonely"));
  }

  private DnsMessage ask(String sandbox, String name, int type) {
    return resolver.answer(sandbox, DnsMessage.query(9, name, type)).orElse(null);
  }

  @Test
  void legacyLinkAlias_resolvesOnlyFromItsSandbox_untilItLeaves() {
    reg.links("sbA", java.util.Map.of("Dbl", "db"));
    assertArrayEquals(Addresses.parse("10.251.1.3").getAddress(),
        ask("sbA", "dbl", DnsMessage.TYPE_A).answers().get(0).data());
    assertTrue(reg.lookup("sbB", "dbl").isEmpty());
    reg.unregister("sbA", "n1", "e1");
    reg.register("sbA", "n1", "appnet", false, "e1", Addresses.parse("10.251.1.2"), List.of("web"));
    assertTrue(reg.lookup("sbA", "dbl").isEmpty());
  }

  @Test
  void containerNamesAliasesAndShortIdsResolve() {
    for (String name : List.of("db", "database", "DATABASE.", "db.appnet")) {
      DnsMessage r = ask("sbA", name, DnsMessage.TYPE_A);
      assertEquals(DnsMessage.NOERROR, r.rcode(), name);
      assertArrayEquals(Addresses.parse("10.251.1.3").getAddress(), r.answers().get(0).data());
      assertEquals(600, r.answers().get(0).ttl());
    }
    assertEquals(1, ask("sbB", "0123456789ab", DnsMessage.TYPE_A).answers().size());
    assertEquals(1, ask("sbB", "frontend", DnsMessage.TYPE_A).answers().size());
  }

  @Test
  void aaaaOfAKnownNameIsAnEmptyAnswer() {
    DnsMessage r = ask("sbA", "db", DnsMessage.TYPE_AAAA);
    assertEquals(DnsMessage.NOERROR, r.rcode());
    assertTrue(r.answers().isEmpty());
  }

  @Test
  void dualStackEndpointAnswersAaaaAndIp6ArpaPtr() {
    reg.register("sbE", "n6", "v6net", false, "e6", List.of(Addresses.parse("10.251.6.2"),
        Addresses.parse("fd00:beef::2")), List.of("six", "alias6"));
    for (String name : List.of("six", "alias6", "six.v6net")) {
      DnsMessage r = ask("sbE", name, DnsMessage.TYPE_AAAA);
      assertEquals(1, r.answers().size(), name);
      assertArrayEquals(Addresses.parse("fd00:beef::2").getAddress(), r.answers().get(0).data());
    }
    assertArrayEquals(Addresses.parse("10.251.6.2").getAddress(),
        ask("sbE", "six", DnsMessage.TYPE_A).answers().get(0).data());
    String arpa = "2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.f.e.e.b.0.0.d.f.ip6.arpa";
    assertArrayEquals(DnsCodec.encodeName("six.v6net"), ask("sbE", arpa, DnsMessage.TYPE_PTR).answers().get(0)
        .data());
    assertEquals(null, ask("sbE", "1.0.0.0.ip6.arpa", DnsMessage.TYPE_PTR), "malformed: forwarded");
  }

  @Test
  void otherNetworksAndUnknownNamesAreForwarded() {
    assertEquals(null, ask("sbA", "lonely", DnsMessage.TYPE_A), "not on sbA's networks: forward");
    assertEquals(null, ask("sbA", "example.com", DnsMessage.TYPE_A));
    assertEquals(null, ask("sbA", "example.com", 15)); // MX
    assertTrue(reg.canForward("sbA"));
    assertFalse(reg.canForward("sbC"), "internal-only sandbox never forwards");
  }

  @Test
  void ptrForContainerAddresses() {
    DnsMessage r = ask("sbB", "2.1.251.10.in-addr.arpa", DnsMessage.TYPE_PTR);
    assertArrayEquals(DnsCodec.encodeName("web.appnet"), r.answers().get(0).data());
    assertEquals(null, ask("sbB", "9.9.9.9.in-addr.arpa", DnsMessage.TYPE_PTR));
  }

  @Test
  void sharedAliasReturnsEveryContainer() {
    reg.register("sbD", "n1", "appnet", false, "e4", Addresses.parse("10.251.1.4"), List.of("db2", "database"));
    assertEquals(2, ask("sbA", "database", DnsMessage.TYPE_A).answers().size());
    reg.unregister("sbD", "n1", "e4");
    assertEquals(1, ask("sbA", "database", DnsMessage.TYPE_A).answers().size());
    assertEquals(Optional.empty(), reg.lookup("sbD", "web"), "detached sandbox sees nothing");
  }
}
