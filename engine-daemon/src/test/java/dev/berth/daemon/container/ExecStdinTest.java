package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.runtime.monitor.AttachConnection;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ExecStdinTest {
  private static final byte P = 16;
  private static final byte Q = 17;

  /** Records stdin and whether it was half-closed. */
  private static final class Recording implements AttachConnection {
    final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    boolean stdinClosed;

    @Override
    public void writeStdin(byte[] data) {
      stdin.writeBytes(data);
    }

    @Override
    public void closeStdin() {
      stdinClosed = true;
    }

    @Override
    public void setOutputPaused(boolean paused) {}

    @Override
    public CompletableFuture<Void> closed() {
      return new CompletableFuture<>();
    }

    @Override
    public void close() {}
  }

  /** Returns each chunk from one read call, then EOF. */
  private static InputStream chunks(byte[]... chunks) {
    Deque<byte[]> q = new ArrayDeque<>(List.of(chunks));
    return new InputStream() {
      @Override
      public int read() {
        throw new UnsupportedOperationException();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        byte[] c = q.poll();
        if (c == null) {
          return -1;
        }
        System.arraycopy(c, 0, b, off, c.length);
        return c.length;
      }
    };
  }

  private static ExecStdin run(InputStream in, Recording conn, byte[] keys, OutputPump pump) {
    ExecStdin s = new ExecStdin(in, conn, keys, pump);
    s.run();
    return s;
  }

  @Test
  void withoutTty_bytesPassUnchangedAndEofClosesStdin() {
    Recording conn = new Recording();
    ExecStdin s = run(chunks(new byte[] {'a', P, Q, 'b'}), conn, null, new OutputPump(true, true));
    assertArrayEquals(new byte[] {'a', P, Q, 'b'}, conn.stdin.toByteArray());
    assertTrue(conn.stdinClosed);
    assertFalse(s.endedAttach());
  }

  @Test
  @Timeout(5)
  void withTty_detachKeysEndTheAttachAndAreNotForwarded() throws Exception {
    Recording conn = new Recording();
    OutputPump pump = new OutputPump(true, true);
    ExecStdin s = run(chunks(new byte[] {'l', 's', P}, new byte[] {Q, 'x'}), conn, DetachKeys.DEFAULT, pump);
    assertArrayEquals(new byte[] {'l', 's'}, conn.stdin.toByteArray());
    assertTrue(s.detached());
    assertTrue(s.endedAttach());
    assertFalse(conn.stdinClosed, "detaching leaves the process's stdin alone");
    pump.drainTo((stream, data) -> { }); // returns: the pump was stopped
  }

  @Test
  void withTty_aBrokenSequenceIsForwarded() {
    Recording conn = new Recording();
    ExecStdin s = run(chunks(new byte[] {'a', P}, new byte[] {'b', P, P, Q}), conn, DetachKeys.DEFAULT,
        new OutputPump(true, true));
    assertArrayEquals(new byte[] {'a', P, 'b', P}, conn.stdin.toByteArray());
    assertTrue(s.detached());
  }

  @Test
  @Timeout(5)
  void withTty_eofEndsTheAttachWithoutDetaching() throws Exception {
    Recording conn = new Recording();
    OutputPump pump = new OutputPump(true, true);
    ExecStdin s = run(chunks("hi".getBytes()), conn, DetachKeys.DEFAULT, pump);
    assertArrayEquals("hi".getBytes(), conn.stdin.toByteArray());
    assertTrue(s.endedAttach());
    assertFalse(s.detached());
    assertFalse(conn.stdinClosed, "dockerd keeps a TTY exec's stdin open");
    pump.drainTo((stream, data) -> { });
  }
}
