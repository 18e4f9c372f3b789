package dev.berth.daemon.container;

import dev.berth.runtime.monitor.AttachConnection;
import java.io.ByteArrayOutputStream;
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
    int matched = 0;
    try {
      for (int n; (n = in.read(buf)) >= 0; ) {
        if (keys == null) {
          conn.writeStdin(Arrays.copyOf(buf, n));
          continue;
        }
        ByteArrayOutputStream fwd = new ByteArrayOutputStream(n + matched);
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b != keys[matched] && matched > 0) {
            fwd.write(keys, 0, matched); // the sequence broke: the held-back bytes were input after all
            matched = 0;
          }
          if (b == keys[matched]) {
            if (++matched == keys.length) {
              forward(fwd);
              detached = true;
              endAttach();
              return;
            }
          } else {
            fwd.write(b);
          }
        }
        forward(fwd);
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

  private void forward(ByteArrayOutputStream fwd) {
    if (fwd.size() > 0) {
      conn.writeStdin(fwd.toByteArray());
    }
  }

  private void endAttach() {
    endedAttach = true;
    pump.stop();
  }
}
