package dev.berth.daemon.http.stream;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes Docker's multiplexed stream when the container has no TTY: each chunk is an 8-byte header
 * {@code [stream, 0, 0, 0, size uint32 big-endian]} followed by {@code size} bytes. With a TTY the bytes are
 * written raw ({@link #raw}). Thread-safe: stdout and stderr pumps may write concurrently.
 */
public final class MultiplexedWriter {
  private final OutputStream out;
  private final boolean multiplex;

  private MultiplexedWriter(OutputStream out, boolean multiplex) {
    this.out = out;
    this.multiplex = multiplex;
  }

  public static MultiplexedWriter framed(OutputStream out) {
    return new MultiplexedWriter(out, true);
  }

  public static MultiplexedWriter raw(OutputStream out) {
    return new MultiplexedWriter(out, false);
  }

  public synchronized void write(StdStream stream, byte[] data, int off, int len) throws IOException {
    if (len == 0) {
      return;
    }
    if (multiplex) {
      out.write(header(stream, len));
    }
    out.write(data, off, len);
    out.flush();
  }

  public void write(StdStream stream, byte[] data) throws IOException {
    write(stream, data, 0, data.length);
  }

  static byte[] header(StdStream stream, int len) {
    return new byte[] {(byte) stream.id(), 0, 0, 0, (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8),
        (byte) len};
  }
}
