package dev.berth.storage.distribution;

import java.time.Duration;

/**
 * dockerd's transfer retries ({@code xfer/download.go}, {@code upload.go}): up to 5 attempts; after attempt
 * {@code n} fails, wait {@code 5·n} ticks of one second, showing "Retrying in N seconds" each tick. Tests shrink
 * the tick.
 */
public record RetryPolicy(int maxAttempts, Duration tick) {
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1));

  /** Waits after a failed attempt, emitting the countdown; false when interrupted. */
  boolean backOff(int failedAttempt, String progressId, ProgressListener out) {
    long delay = failedAttempt * 5L;
    try {
      for (long left = delay; left > 0; left--) {
        if (progressId != null) {
          out.onProgress(LayerProgress.retrying(progressId, left));
        }
        Thread.sleep(tick);
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
