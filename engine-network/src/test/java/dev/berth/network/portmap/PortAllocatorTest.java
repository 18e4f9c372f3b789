package dev.berth.network.portmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortAllocatorTest {
  @Test
  void fromKernel_readsTheWholeRange_ofTheRealProcFile() throws IOException {
    Path proc = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    assumeTrue(Files.isReadable(proc));
    String[] want = new String(Files.newInputStream(proc).readAllBytes()).trim().split("\\s+");
    PortAllocator a = PortAllocator.fromKernel(proc);
    assertEquals(Integer.parseInt(want[0]), a.ephemeralStart());
    assertEquals(Integer.parseInt(want[1]), a.ephemeralEnd());
    assertEquals(a.ephemeralStart(), a.claimEphemeral("tcp", null));
  }

  @Test
  void fromKernel_tabSeparated_andUnreadableFallsBackToDockerdsRange(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("range"), "32768\t60999\n");
    assertEquals(32768, PortAllocator.fromKernel(f).ephemeralStart());
    assertEquals(60999, PortAllocator.fromKernel(f).ephemeralEnd());
    assertEquals(49153, PortAllocator.fromKernel(dir.resolve("missing")).ephemeralStart());
  }
}
