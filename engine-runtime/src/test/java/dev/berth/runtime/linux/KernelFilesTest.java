package dev.berth.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelFilesTest {
  /** The kernel's integer-vector sysctl handler: one read from offset 0 (truncated to its length), then EOF. */
  private static final class IntVectorSysctl extends InputStream {
    private final byte[] text;
    private boolean read;

    IntVectorSysctl(String text) {
      this.text = text.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (read) {
        return -1;
      }
      read = true;
      int n = Math.min(len, text.length);
      System.arraycopy(text, 0, b, off, n);
      return n;
    }
  }

  @Test
  void multiValueSysctl_isReadWhole() throws IOException {
    assertEquals("32768\t60999\n",
        new String(KernelFiles.readAll(new IntVectorSysctl("32768\t60999\n")), StandardCharsets.US_ASCII));
  }

  @Test
  void longFiles_growTheBuffer(@TempDir Path dir) throws IOException {
    String big = "x".repeat(200_000) + "\nlast\n";
    Path f = dir.resolve("big");
    Files.writeString(f, big);
    assertEquals(big, KernelFiles.read(f));
    assertEquals(List.of("x".repeat(200_000), "last"), KernelFiles.lines(f));
  }

  @Test
  void realProcSysctl_hasBothNumbers() throws IOException {
    Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    if (Files.exists(range)) {
      assertEquals(2, KernelFiles.read(range).trim().split("\\s+").length);
    }
  }
}
