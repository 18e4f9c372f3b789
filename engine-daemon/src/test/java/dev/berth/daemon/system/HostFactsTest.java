package dev.berth.daemon.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostFactsTest {
  @TempDir Path root;

  private void put(String relative, String content) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  @Test
  void readsAFakeTree() throws IOException {
    put("proc/sys/kernel/osrelease", "6.1.0-28-amd64\n");
    put("proc/sys/kernel/hostname", "  box \n");
    put("proc/meminfo", "MemFree:  1 kB\nMemTotal:       4028500 kB\n");
    put("proc/sys/net/ipv4/ip_forward", "1\n");
    put("etc/os-release", "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID='12'\n"
        + "# comment\n\nBROKEN\n");
    HostFacts h = new HostFacts(root);
    assertEquals("6.1.0-28-amd64", h.kernelVersion());
    assertEquals("box", h.hostname());
    assertEquals(4028500L * 1024, h.memTotalBytes());
    assertTrue(h.ipv4Forwarding());
    assertEquals(Map.of("PRETTY_NAME", "Debian GNU/Linux 12 (bookworm)", "ID", "debian", "VERSION_ID", "12"),
        h.osRelease());
    assertEquals("1", h.cgroupVersion());
    put("sys/fs/cgroup/cgroup.controllers", "cpu memory\n");
    assertEquals("2", h.cgroupVersion());
    assertTrue(h.exists("etc/os-release"));
  }

  @Test
  void missingFiles_giveFallbacks() {
    HostFacts h = new HostFacts(root);
    assertEquals(System.getProperty("os.version"), h.kernelVersion());
    assertEquals("localhost", h.hostname());
    assertEquals(0, h.memTotalBytes());
    assertFalse(h.ipv4Forwarding());
    assertTrue(h.osRelease().isEmpty());
    assertEquals(0, h.openFileDescriptors());
    assertEquals("fb", h.firstLine("nope", "fb"));
    assertFalse(h.exists("nope"));
  }

  @ParameterizedTest
  @CsvSource({"x86_64, amd64", "aarch64, arm64", "armv7l, arm", "riscv64, riscv64"})
  void goArch(String machine, String goArch) throws IOException {
    put("proc/sys/kernel/arch", machine + "\n");
    HostFacts h = new HostFacts(root);
    assertEquals(machine, h.machine());
    assertEquals(goArch, h.goArch());
  }
}
