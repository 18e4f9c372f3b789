package dev.berth.storage.tar;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterInputStream;

/**
 * Gzip-compresses what it reads from a plain stream (pull-based: no thread, no pipe, memory bounded by one
 * buffer), for pushing uncompressed layers as moby's {@code compress} does with Go's gzip writer. The header is
 * Go's (no name, mtime 0, OS "unknown").
 *
 * <p>Incompressible stretches (already-compressed files, random data) cost deflate CPU for nothing, so the level
 * adapts per {@value #WINDOW}-byte window of input: a window that shrank by less than 3% switches to stored
 * blocks, and every {@value #PROBE_EVERY}th window after that compresses again to probe whether the data changed.
 * Stored blocks are valid deflate, so any gzip reader accepts the result; the output is deterministic for a given
 * input and read pattern, though that is not relied on (pushes remember the digest they produced).
 */
public final class GzipEncodingStream extends InputStream {
  private static final int BUFFER = 64 * 1024;
  static final int WINDOW = 1 << 20;
  static final int PROBE_EVERY = 8;
  private final int level;
  private long outBytes;
  private long windowPlain;
  private long windowOut;
  private int storedWindows = -1;
  private final CRC32 crc = new CRC32();
  private final Deflater deflater;
  private final DeflaterInputStream body;
  private final InputStream plain;
  private long plainBytes;
  private byte[] pending;
  private int pendingPos;
  private boolean bodyDone;

  /** @param level a {@link Deflater} level */
  public GzipEncodingStream(InputStream plain, int level) {
    this.plain = plain;
    this.level = level;
    this.deflater = new Deflater(level, true);
    this.body = new DeflaterInputStream(new Checksummed(plain), deflater, BUFFER);
    int xfl = level == Deflater.BEST_SPEED ? 4 : level == Deflater.BEST_COMPRESSION ? 2 : 0;
    this.pending = new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, (byte) xfl, (byte) 0xff};
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
    if (pending != null && pendingPos < pending.length) {
      int n = Math.min(len, pending.length - pendingPos);
      System.arraycopy(pending, pendingPos, b, off, n);
      pendingPos += n;
      return n;
    }
    if (bodyDone) {
      return -1;
    }
    int n = body.read(b, off, len);
    if (n >= 0) {
      outBytes += n;
      adapt();
      return n;
    }
    bodyDone = true;
    pending = trailer();
    pendingPos = 0;
    return read(b, off, len);
  }

  /** Switches between the chosen level and stored blocks at window boundaries (see the class comment). */
  private void adapt() {
    long in = plainBytes - windowPlain;
    if (in < WINDOW || level == Deflater.NO_COMPRESSION) {
      return;
    }
    long out = outBytes - windowOut;
    windowPlain = plainBytes;
    windowOut = outBytes;
    if (storedWindows >= 0) {
      if (++storedWindows >= PROBE_EVERY - 1) {
        storedWindows = -1;
        deflater.setLevel(level);
      }
    } else if (out * 100 > in * 97) {
      storedWindows = 0;
      deflater.setLevel(Deflater.NO_COMPRESSION);
    }
  }

  /** True while stored blocks are being written (for tests). */
  boolean storing() {
    return storedWindows >= 0;
  }

  private byte[] trailer() {
    long c = crc.getValue();
    long s = plainBytes & 0xffffffffL;
    return new byte[] {(byte) c, (byte) (c >> 8), (byte) (c >> 16), (byte) (c >> 24),
        (byte) s, (byte) (s >> 8), (byte) (s >> 16), (byte) (s >> 24)};
  }

  @Override
  public void close() throws IOException {
    try {
      plain.close();
    } finally {
      deflater.end();
    }
  }

  /** Feeds the CRC and the length of the uncompressed bytes. */
  private final class Checksummed extends dev.berth.storage.digest.ObservedInputStream {
    Checksummed(InputStream in) {
      super(in);
    }

    @Override
    protected void observe(byte[] b, int off, int len) {
      crc.update(b, off, len);
      plainBytes += len;
    }
  }
}
