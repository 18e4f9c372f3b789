package dev.berth.network.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostsFileTest {
  @Test
  void dockerdLayout() {
    assertEquals("""
        127.0.0.1\tlocalhost
        ::1\tlocalhost ip6-localhost ip6-loopback
        fe00::0\tip6-localnet
        ff00::0\tip6-mcastprefix
        ff02::1\tip6-allnodes
        ff02::2\tip6-allrouters
        10.0.0.5\tmyhost
        172.18.0.1\thost.docker.internal
        2001:db8::1\tv6host
        172.18.0.2\tabc123def456
        """, HostsFile.render(List.of("172.18.0.2"), "abc123def456", "",
        List.of("myhost:10.0.0.5", "host.docker.internal=host-gateway", "v6host:[2001:db8::1]"), "172.18.0.1", true));
  }

  @Test
  void domainnameAndNoNetwork() {
    assertEquals("127.0.0.1\tlocalhost\n10.0.0.9\tweb.corp web\n",
        HostsFile.render(List.of("10.0.0.9"), "web", "corp", List.of(), null, false));
    assertEquals("127.0.0.1\tlocalhost\n", HostsFile.render(List.of(), "web", "", List.of(), null, false));
  }

  @Test
  void badEntries() {
    assertThrows(InvalidParameterException.class,
        () -> HostsFile.render(List.of(), "h", "", List.of("nocolon"), null, false));
    assertThrows(InvalidParameterException.class,
        () -> HostsFile.render(List.of(), "h", "", List.of("gw:host-gateway"), null, false));
  }

  @org.junit.jupiter.api.Test
  void update_appendsAndDropsOnlyTheContainersOwnLines() {
    String before = "127.0.0.1\tlocalhost\n10.0.0.9\tother\n172.18.0.2\tweb\n";
    String connected = HostsFile.update(before, java.util.List.of("172.19.0.3", "fd00::3"), java.util.List.of(),
        "web", "");
    org.junit.jupiter.api.Assertions.assertEquals(before + "172.19.0.3\tweb\nfd00::3\tweb\n", connected);
    org.junit.jupiter.api.Assertions.assertEquals("127.0.0.1\tlocalhost\n10.0.0.9\tother\n172.18.0.2\tweb\n",
        HostsFile.update(connected, java.util.List.of(), java.util.List.of("172.19.0.3", "fd00::3", "10.0.0.9"),
            "web", ""));
  }
}
