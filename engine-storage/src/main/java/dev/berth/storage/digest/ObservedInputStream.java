package dev.berth.storage.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that shows every byte read through it to {@link #observe}; skipping reads (so skipped bytes are
 * observed too) and {@link #drain()} reads the rest. Base of the digesting and teeing streams.
 */
public abstract class ObservedInputStream extends FilterInputStream {
  protected ObservedInputStream(InputStream in) {
    super(in);
  }

  /** Called with each chunk read, in order. */
  protected abstract void observe(byte[] b, int off, int len) throws IOException;

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      observe(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      observe(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[(int) Math.min(n, 8192)];
    long done = 0;
    while (done < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads the rest of the stream (e.g. tar padding after the end marker) so it is observed too. */
  public void drain() throws IOException {
    byte[] buf = new byte[64 * 1024];
    while (read(buf, 0, buf.length) >= 0) {
      // observing
    }
  }
}
