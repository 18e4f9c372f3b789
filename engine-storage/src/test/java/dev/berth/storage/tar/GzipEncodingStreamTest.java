package dev.berth.storage.tar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class GzipEncodingStreamTest {

  private static byte[] encode(byte[] plain, int level) throws IOException {
    try (GzipEncodingStream in = new GzipEncodingStream(new ByteArrayInputStream(plain), level)) {
      byte[] out = in.readAllBytes();
      assertEquals(plain.length, in.plainBytes());
      return out;
    }
  }

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  @Test
  void compressibleData_roundTripsSmaller_withGoHeader() throws IOException {
    byte[] plain = "hello layer\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
    byte[] gz = encode(plain, Deflater.BEST_SPEED);
    assertTrue(gz.length < plain.length / 20, "compressed to " + gz.length);
    assertArrayEquals(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 4, (byte) 0xff},
        java.util.Arrays.copyOf(gz, 10));
    assertArrayEquals(plain, gunzip(gz), "GZIPInputStream also checks the CRC and length trailer");
  }

  @Test
  void emptyInput_isAValidEmptyGzip() throws IOException {
    assertArrayEquals(new byte[0], gunzip(encode(new byte[0], Deflater.BEST_SPEED)));
  }

  @Test
  void incompressibleStretches_goStored_thenCompressionResumes() throws IOException {
    byte[] random = new byte[12 * GzipEncodingStream.WINDOW];
    new Random(7).nextBytes(random);
    byte[] text = "a".repeat(20 * GzipEncodingStream.WINDOW).getBytes(StandardCharsets.US_ASCII);
    ByteArrayOutputStream mixed = new ByteArrayOutputStream();
    mixed.writeBytes(random);
    mixed.writeBytes(text);
    byte[] plain = mixed.toByteArray();
    byte[] gz = encode(plain, Deflater.BEST_SPEED);
    assertArrayEquals(plain, gunzip(gz));
    // at most PROBE_EVERY - 1 windows of text go stored before the next probe compresses again
    assertTrue(gz.length < random.length + GzipEncodingStream.PROBE_EVERY * GzipEncodingStream.WINDOW,
        "text after the random part compressed again: " + gz.length);
    assertTrue(encode(random, Deflater.BEST_SPEED).length < random.length * 1.001, "stored blocks add little");
  }

  @Test
  void randomData_switchesToStoredBlocks() throws IOException {
    byte[] random = new byte[3 * GzipEncodingStream.WINDOW];
    new Random(8).nextBytes(random);
    try (GzipEncodingStream in = new GzipEncodingStream(new ByteArrayInputStream(random), Deflater.BEST_SPEED)) {
      byte[] buf = new byte[64 * 1024];
      boolean stored = false;
      while (in.read(buf) > 0) {
        stored |= in.storing();
      }
      assertTrue(stored);
    }
  }
}
