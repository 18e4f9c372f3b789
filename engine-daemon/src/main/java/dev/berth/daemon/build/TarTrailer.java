package dev.berth.daemon.build;

import java.io.IOException;
import java.io.InputStream;

/**
 * Completes a context tar that ends without its last entry's padding and the end-of-archive blocks: the CLI
 * sends such tars when it adds a Dockerfile from stdin ({@code docker build -f- dir}) and dockerd accepts them.
 * At the end of the input, zeros are supplied up to the next 512-byte block plus two empty blocks.
 */
final class TarTrailer extends InputStream {
  private final InputStream in;
  private long count;
  private long zerosLeft = -1;

  TarTrailer(InputStream in) {
    this.in = in;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (zerosLeft < 0) {
      int n = in.read(b, off, len);
      if (n >= 0) {
        count += n;
        return n;
      }
      zerosLeft = (512 - count % 512) % 512 + 1024;
    }
    if (zerosLeft == 0) {
      return -1;
    }
    int n = (int) Math.min(len, zerosLeft);
    java.util.Arrays.fill(b, off, off + n, (byte) 0);
    zerosLeft -= n;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
