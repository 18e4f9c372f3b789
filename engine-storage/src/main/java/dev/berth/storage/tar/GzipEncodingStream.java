package dev.berth.storage.tar;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Gzip-compresses what it reads from a plain stream (pull-based: no thread, no pipe, memory bounded by two
 * buffers), for pushing uncompressed layers as moby's {@code compress} does with Go's gzip writer. The header is
 * Go's (no name, mtime 0, OS "unknown").
 *
 * <p>Incompressible stretches (already-compressed files, random data) cost deflate CPU for nothing, so the level
 * adapts per {@value #WINDOW}-byte window of input: a window that shrank by less than 3% switches to stored
 * blocks, and every {@value #PROBE_EVERY}th window after that compresses again to probe whether the data changed.
 * Stored blocks are valid deflate, so any gzip reader accepts the result. Levels change only while the deflater
 * holds no unread input: zlib's {@code deflateParams} otherwise keeps compressing that input at the old level for
 * as long as it does not fit the output buffer, which made the switch never happen.
 */
public final class GzipEncodingStream extends InputStream {
  static final int WINDOW = 1 << 20;
  static final int PROBE_EVERY = 8;
  private static final int IN_BUFFER = 64 * 1024;
  private static final int OUT_BUFFER = 128 * 1024;
  private final InputStream plain;
  private final int level;
  private final Deflater deflater;
  private final CRC32 crc = new CRC32();
  private final byte[] in = new byte[IN_BUFFER];
  private byte[] out = new byte[OUT_BUFFER];
  private int outPos;
  private int outLen;
  private long plainBytes;
  private long deflatedBytes;
  private long windowPlain;
  private long windowDeflated;
  private int storedWindows = -1;
  private int pendingLevel = -1;
  private boolean trailerWritten;

  /** @param level a {@link Deflater} level */
  public GzipEncodingStream(InputStream plain, int level) {
    this.plain = plain;
    this.level = level;
    this.deflater = new Deflater(level, true);
    int xfl = level == Deflater.BEST_SPEED ? 4 : level == Deflater.BEST_COMPRESSION ? 2 : 0;
    byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) xfl, (byte) 0xff};
    System.arraycopy(header, 0, out, 0, header.length);
    outLen = header.length;
  }

  /** Uncompressed bytes consumed so far. */
  public long plainBytes() {
    return plainBytes;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (outPos == outLen) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(len, outLen - outPos);
    System.arraycopy(out, outPos, b, off, n);
    outPos += n;
    return n;
  }

  /** Produces the next output bytes into {@link #out} (possibly none); false once the trailer was read. */
  private boolean fill() throws IOException {
    outPos = 0;
    outLen = 0;
    if (deflater.finished()) {
      if (trailerWritten) {
        return false;
      }
      writeTrailer();
      return true;
    }
    if (deflater.needsInput() && !deflater.finished()) {
      if (pendingLevel >= 0) {
        deflater.setLevel(pendingLevel); // applied by the next deflate, which flushes the old block first
        pendingLevel = -1;
      } else {
        int n = plain.read(in, 0, in.length);
        if (n < 0) {
          deflater.finish();
        } else if (n > 0) {
          crc.update(in, 0, n);
          plainBytes += n;
          deflater.setInput(in, 0, n);
        }
      }
    }
    outLen = deflater.deflate(out, 0, out.length);
    deflatedBytes += outLen;
    adapt();
    return true;
  }

  /** At window boundaries, chooses the level for the next window (see the class comment). */
  private void adapt() {
    long inWindow = plainBytes - windowPlain;
    if (inWindow < WINDOW || level == Deflater.NO_COMPRESSION || !deflater.needsInput()) {
      return;
    }
    long outWindow = deflatedBytes - windowDeflated;
    windowPlain = plainBytes;
    windowDeflated = deflatedBytes;
    if (storedWindows >= 0) {
      if (++storedWindows >= PROBE_EVERY - 1) {
        storedWindows = -1;
        pendingLevel = level;
      }
    } else if (outWindow * 100 > inWindow * 97) {
      storedWindows = 0;
      pendingLevel = Deflater.NO_COMPRESSION;
    }
  }

  /** True while stored blocks are being written (for tests). */
  boolean storing() {
    return storedWindows >= 0;
  }

  private void writeTrailer() {
    long c = crc.getValue();
    long s = plainBytes & 0xffffffffL;
    out = out.length >= 8 ? out : new byte[8];
    byte[] t = {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
        (byte) s, (byte) (s >> 8), (byte) (s >> 16), (byte) (s >> 24)};
    System.arraycopy(t, 0, out, 0, t.length);
    outLen = t.length;
    trailerWritten = true;
  }

  @Override
  public void close() throws IOException {
    try {
      plain.close();
    } finally {
      deflater.end();
    }
  }
}
