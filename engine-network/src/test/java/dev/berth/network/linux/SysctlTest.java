package dev.berth.network.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlTest {
  @Test
  void readsAndWrites(@TempDir Path root) throws IOException {
    Files.createDirectories(root.resolve("net/ipv4"));
    Files.writeString(root.resolve("net/ipv4/ip_local_port_range"), "32768\t60999\n");
    Sysctl s = new Sysctl(root);
    assertEquals("32768\t60999", s.read("net.ipv4.ip_local_port_range"));
    s.write("net.ipv4.ip_local_port_range", "1024\t2048");
    assertEquals("1024\t2048", s.read("net.ipv4.ip_local_port_range"));
    assertNull(s.read("net.ipv4.nope"));
  }

  /** The kernel's integer-vector sysctls end a read at a non-zero offset: Files.readString saw only "3". */
  @Test
  void hostMultiValueSysctl_isReadWhole() {
    assumeTrue(Files.exists(Path.of("/proc/sys/net/ipv4/ip_local_port_range")));
    assertEquals(2, Sysctl.host().read("net.ipv4.ip_local_port_range").split("\\s+").length);
    assertTrue(Integer.parseInt(Sysctl.host().read("kernel.pid_max")) > 300, "the kernel's minimum is 301");
  }
}
