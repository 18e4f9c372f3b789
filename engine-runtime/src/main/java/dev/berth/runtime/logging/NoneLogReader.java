package dev.berth.runtime.logging;

import dev.berth.api.errors.NotImplementedException;
import java.util.concurrent.CompletionStage;

/** The {@code none} driver keeps nothing, so reading fails with dockerd's 501 message. */
public final class NoneLogReader implements LogReader {
  @Override
  public void read(LogReadOptions options, CompletionStage<?> exited, LogSink sink) {
    throw new NotImplementedException("configured logging driver does not support reading");
  }
}
