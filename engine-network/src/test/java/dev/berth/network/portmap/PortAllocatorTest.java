package dev.berth.network.portmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortAllocatorTest {
  private static final Path KERNEL = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

  @Test
  void kernelRange_isReadWhole() throws IOException {
    assumeTrue(Files.isReadable(KERNEL), "no ip_local_port_range");
    String[] want = Files.readAllLines(KERNEL).get(0).trim().split("\\s+");
    PortAllocator a = PortAllocator.fromKernel(KERNEL);
    assertEquals(Integer.parseInt(want[0]), a.ephemeralStart());
    assertEquals(Integer.parseInt(want[1]), a.ephemeralEnd());
  }

  @Test
  void tabSeparatedFile_andFallback(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("r"), "32768\t60999\n");
    assertEquals(32768, PortAllocator.fromKernel(dir.resolve("r")).ephemeralStart());
    assertEquals(49153, PortAllocator.fromKernel(dir.resolve("missing")).ephemeralStart());
  }
}
