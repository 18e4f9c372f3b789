package dev.berth.storage.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.SystemException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GoTarErrorsTest {
  @Test
  void shortInput_isUnexpectedEof() {
    assertEquals("unexpected EOF", assertThrows(SystemException.class,
        () -> GoTarErrors.check("notatar".getBytes(StandardCharsets.UTF_8))).getMessage());
  }

  @Test
  void blockWithBadChecksum_isInvalidHeader() {
    byte[] garbage = new byte[1024];
    Arrays.fill(garbage, (byte) 'x');
    assertEquals("archive/tar: invalid tar header", assertThrows(SystemException.class,
        () -> GoTarErrors.check(Arrays.copyOf(garbage, 512))).getMessage());
  }

  @Test
  void realTarsAndEmptyInput_pass_andTheStreamIsUnchanged() throws IOException {
    byte[] tar = new TarBuilder().file("a", "x").build();
    assertArrayEquals(tar, GoTarErrors.checkFirstBlock(new ByteArrayInputStream(tar)).readAllBytes());
    GoTarErrors.check(new byte[0]);
    GoTarErrors.check(new byte[512]);
  }

  @Test
  void commonsCompressWording_translatesToGos() {
    assertEquals("archive/tar: invalid tar header", GoTarErrors.translate(new IOException("Corrupted TAR archive.")));
    assertEquals("unexpected EOF", GoTarErrors.translate(new IOException("Truncated TAR archive")));
    assertNull(GoTarErrors.translate(new IOException("No space left on device")));
  }
}
