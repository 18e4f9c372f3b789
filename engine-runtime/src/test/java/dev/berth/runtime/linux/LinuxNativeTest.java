package dev.berth.runtime.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.api.errors.SystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unprivileged native calls: mkfifo and SEQPACKET connect errors (skipped without the native layer). */
class LinuxNativeTest {
  @TempDir
  Path dir;

  @BeforeEach
  void requireNative() {
    assumeTrue(Linux.isAvailable(), () -> "native layer unavailable: " + Linux.unavailabilityCause());
  }

  @Test
  void mkfifoCreatesAFifoAndReportsErrno() throws Exception {
    Path fifo = dir.resolve("start");
    new LinuxFifos().create(fifo);
    int mode = (Integer) Files.getAttribute(fifo, "unix:mode");
    assertEquals(0010000, mode & 0170000, "S_IFIFO");
    assertEquals(0600, mode & 0777);
    SystemException e = assertThrows(SystemException.class, () -> new LinuxFifos().create(fifo));
    assertTrue(e.getMessage().contains("File exists"), e.getMessage());
  }

  @Test
  void connectErrors() {
    LinuxSeqpacketConnector connector = new LinuxSeqpacketConnector();
    SystemException e = assertThrows(SystemException.class, () -> connector.connect(dir.resolve("nothing")));
    assertEquals(Errno.ENOENT, ((Errno.NativeCallException) e.getCause()).errno());
    assertThrows(IllegalArgumentException.class, () -> connector.connect(dir.resolve("x".repeat(120))));
  }
}
