package dev.berth.network.portmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import org.junit.jupiter.api.Test;

class PortMappingTest {
  @Test
  void cliForms() {
    assertEquals(new PortMapping("tcp", 80, 80, null, 8080, 8080), PortMapping.parse("8080:80"));
    assertEquals(new PortMapping("udp", 53, 53, "127.0.0.1", 5353, 5353), PortMapping.parse("127.0.0.1:5353:53/udp"));
    assertEquals(new PortMapping("tcp", 80, 80, "127.0.0.1", 0, 0), PortMapping.parse("127.0.0.1::80"));
    assertEquals(new PortMapping("tcp", 80, 80, null, 0, 0), PortMapping.parse("80"));
    assertEquals(new PortMapping("tcp", 80, 82, null, 8000, 8002), PortMapping.parse("8000-8002:80-82"));
    assertEquals(new PortMapping("tcp", 80, 80, null, 8000, 8010), PortMapping.parse("8000-8010:80"));
    assertEquals(new PortMapping("tcp", 80, 80, "::1", 8080, 8080), PortMapping.parse("[::1]:8080:80"));
  }

  @Test
  void apiForm() {
    assertEquals(new PortMapping("udp", 53, 53, null, 0, 0), PortMapping.of("53/udp", "", ""));
    assertEquals(new PortMapping("tcp", 80, 80, "0.0.0.0", 8080, 8080), PortMapping.of("80/tcp", "0.0.0.0", "8080"));
  }

  @Test
  void invalid() {
    assertThrows(InvalidParameterException.class, () -> PortMapping.parse("8000-8001:80-82"));
    assertThrows(InvalidParameterException.class, () -> PortMapping.parse("abc:80"));
    assertThrows(InvalidParameterException.class, () -> PortMapping.parse("80/icmp"));
    assertThrows(InvalidParameterException.class, () -> PortMapping.parse("70000:80"));
  }
}
