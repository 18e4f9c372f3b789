package dev.berth.daemon.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class TarTrailerTest {
  @Test
  void padsToTheNextBlockPlusTwoEmptyBlocks() throws IOException {
    byte[] data = new byte[600];
    data[0] = 7;
    byte[] all = new TarTrailer(new ByteArrayInputStream(data)).readAllBytes();
    assertEquals(1024 + 1024, all.length);
    assertEquals(7, all[0]);
    assertEquals(1024, new TarTrailer(new ByteArrayInputStream(new byte[0])).readAllBytes().length);
  }
}
