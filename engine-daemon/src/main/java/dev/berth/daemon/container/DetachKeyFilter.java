package dev.berth.daemon.container;

import java.io.ByteArrayOutputStream;

/**
 * Watches a client's stdin for the detach key sequence (moby {@code term.EscapeProxy}): bytes that could start
 * the sequence are held back until it completes (detach) or breaks (they were input after all), also across
 * reads.
 */
final class DetachKeyFilter {
  private final byte[] keys;
  private int matched;
  private boolean detached;

  DetachKeyFilter(byte[] keys) {
    this.keys = keys;
  }

  /** The bytes of {@code buf[0..n)} to forward; after the sequence completes, {@link #detached()} is true. */
  byte[] filter(byte[] buf, int n) {
    ByteArrayOutputStream fwd = new ByteArrayOutputStream(n + matched);
    for (int i = 0; i < n && !detached; i++) {
      byte b = buf[i];
      if (b != keys[matched] && matched > 0) {
        fwd.write(keys, 0, matched);
        matched = 0;
      }
      if (b == keys[matched]) {
        if (++matched == keys.length) {
          detached = true;
        }
      } else {
        fwd.write(b);
      }
    }
    return fwd.toByteArray();
  }

  boolean detached() {
    return detached;
  }
}
