package dev.berth.storage.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Reports {@link LoadEvent.LayerProgress} about every 1% (at least every 512 KiB) of a layer file read. */
final class ProgressInputStream extends FilterInputStream {
  private final long total;
  private final String id;
  private final Consumer<LoadEvent> progress;
  private final long step;
  private long current;
  private long lastReported = -1;

  ProgressInputStream(InputStream in, long total, String id, Consumer<LoadEvent> progress) {
    super(in);
    this.total = total;
    this.id = id;
    this.progress = progress;
    this.step = Math.max(512 * 1024, total / 100);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    advance(b < 0 ? -1 : 1);
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    advance(n);
    return n;
  }

  private void advance(int n) {
    if (n > 0) {
      current += n;
    }
    if (lastReported < 0 || current - lastReported >= step || (n < 0 && lastReported != current)) {
      lastReported = current;
      progress.accept(new LoadEvent.LayerProgress(id, current, total));
    }
  }
}
