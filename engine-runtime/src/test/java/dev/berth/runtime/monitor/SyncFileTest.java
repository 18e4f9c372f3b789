package dev.berth.runtime.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncFileTest {
  @TempDir
  Path dir;

  @Test
  void readsMessagesInOrderAndWaitsForWholeLines() throws Exception {
    Path file = dir.resolve("sync");
    SyncFile sync = new SyncFile(file);
    Files.writeString(file, "{\"data\": 0}\n{\"data\": 4242}\n{\"data\": -1, \"mess");
    assertEquals(0, sync.next(Duration.ofSeconds(1), () -> false).data());
    assertEquals(4242, sync.next(Duration.ofSeconds(1), () -> false).data());
    assertThrows(TimeoutException.class, () -> sync.next(Duration.ofMillis(30), () -> false));
    Files.writeString(file, "age\": \"runc create failed: boom\\n\"}\n", StandardOpenOption.APPEND);
    SyncMessage failure = sync.next(Duration.ofSeconds(1), () -> false);
    assertTrue(failure.isFailure());
    assertEquals("runc create failed: boom\n", failure.message());
  }

  @Test
  void goneMonitorEndsTheWait() throws Exception {
    assertNull(new SyncFile(dir.resolve("never")).next(Duration.ofSeconds(5), () -> true));
  }
}
