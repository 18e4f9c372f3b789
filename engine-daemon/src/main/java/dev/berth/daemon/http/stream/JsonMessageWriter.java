package dev.berth.daemon.http.stream;

import dev.berth.api.model.stream.JsonMessage;
import dev.berth.daemon.http.ErrorMapper;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.http.ResponseStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a JSON-message stream (pull, push, load, import, build) the way moby's {@code streamformatter} does:
 * one object per line ending in {@code \r\n}, flushed per message. {@link #fail} turns an error raised after the
 * stream was committed into the final {@code errorDetail} line the CLI prints (and exits non-zero on).
 */
public final class JsonMessageWriter {
  private static final byte[] CRLF = {'\r', '\n'};

  private final ResponseStream out;

  public JsonMessageWriter(ResponseStream out) {
    this.out = out;
  }

  public synchronized void write(JsonMessage m) {
    try {
      out.write(Json.bytes(m));
      out.write(CRLF);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("client went away", e);
    }
  }

  public boolean committed() {
    return out.isCommitted();
  }

  /**
   * Reports {@code t}: rethrows it when nothing was sent yet (so it gets a real HTTP status), else writes it as
   * the last message.
   */
  public void fail(Throwable t) throws Exception {
    if (!out.isCommitted()) {
      if (t instanceof Exception e) {
        throw e;
      }
      throw (Error) t;
    }
    write(JsonMessage.error(ErrorMapper.messageOf(t)));
  }
}
