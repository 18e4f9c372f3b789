package dev.berth.daemon.container;

import dev.berth.runtime.monitor.AttachConnection;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies an attached exec client's stdin to the process, as dockerd's {@code CopyStreams} does for execs. Without
 * a TTY the bytes pass unchanged and the client's EOF (its half-close) closes the process's stdin, while output
 * keeps flowing. With a TTY the detach keys are watched for (bytes that start the sequence are held back until it
 * breaks, moby {@code term.EscapeProxy}); the sequence or the client's EOF ends the attach, not the process.
 */
final class ExecStdin implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(ExecStdin.class);

  private final InputStream in;
  private final AttachConnection conn;
  private final byte[] keys;
  private final OutputPump pump;
  private volatile boolean detached;
  private volatile boolean endedAttach;

  /** @param keys the detach sequence (TTY), or null (no TTY) */
  ExecStdin(InputStream in, AttachConnection conn, byte[] keys, OutputPump pump) {
    this.in = in;
    this.conn = conn;
    this.keys = keys;
    this.pump = pump;
  }

  /** Whether the client typed the detach keys. */
  boolean detached() {
    return detached;
  }

  /** Whether stdin ended the attach (TTY: detach keys or EOF) rather than the process's exit. */
  boolean endedAttach() {
    return endedAttach;
  }

  @Override
  public void run() {
    byte[] buf = new byte[8192];
    DetachKeyFilter filter = keys == null ? null : new DetachKeyFilter(keys);
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        if (filter == null) {
          conn.writeStdin(Arrays.copyOf(buf, n));
          continue;
        }
        byte[] fwd = filter.filter(buf, n);
        if (fwd.length > 0) {
          conn.writeStdin(fwd);
        }
        if (filter.detached()) {
          detached = true;
          endAttach();
          return;
        }
      }
    } catch (IOException e) {
      log.debug("exec stdin ended: {}", e.toString());
    }
    if (keys == null) {
      conn.closeStdin();
    } else {
      endAttach();
    }
  }

  private void endAttach() {
    endedAttach = true;
    pump.stop();
  }
}
