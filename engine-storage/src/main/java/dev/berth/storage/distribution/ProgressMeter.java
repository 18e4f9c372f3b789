package dev.berth.storage.distribution;

/**
 * Rate-limits byte progress like moby's {@code progressreader}: an update when more than 512 KiB were moved since
 * the last one and at least 100 ms passed, plus a final update.
 */
final class ProgressMeter {
  private static final long EVERY_BYTES = 512 * 1024;
  private static final long EVERY_NANOS = 100_000_000L;
  private final String id;
  private final String status;
  private final long total;
  private final ProgressListener out;
  private long lastBytes = -1;
  private long lastNanos;

  ProgressMeter(String id, String status, long total, ProgressListener out) {
    this.id = id;
    this.status = status;
    this.total = Math.max(total, 0);
    this.out = out;
  }

  void update(long current) {
    long now = System.nanoTime();
    if (id != null && (lastBytes < 0 || (current - lastBytes > EVERY_BYTES && now - lastNanos >= EVERY_NANOS))) {
      emit(current, now);
    }
  }

  void done(long current) {
    if (id != null && current != lastBytes) {
      emit(current, System.nanoTime());
    }
  }

  private void emit(long current, long now) {
    lastBytes = current;
    lastNanos = now;
    out.onProgress(new LayerProgress(id, status, current, total));
  }
}
