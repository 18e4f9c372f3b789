package dev.berth.daemon.image;

import dev.berth.api.model.stream.JsonMessage;
import dev.berth.storage.archive.LoadEvent;
import dev.berth.storage.distribution.LayerProgress;
import dev.berth.storage.distribution.ProgressEvent;
import dev.berth.storage.distribution.ProgressListener;
import dev.berth.storage.distribution.StatusMessage;
import java.util.function.Consumer;

/**
 * Renders typed progress as moby's {@code streamformatter} does: messages as {@code {"status","id"}}, layer
 * updates always with a {@code progressDetail} (and the bar when there are byte counts).
 */
final class ProgressMessages {
  private ProgressMessages() {}

  static JsonMessage of(ProgressEvent e) {
    return switch (e) {
      case StatusMessage s -> JsonMessage.status(s.id(), s.status());
      case LayerProgress p -> p.hasDetail() ? JsonMessage.progress(p.id(), p.status(), p.current(), p.total())
          : JsonMessage.progress(p.id(), p.status());
    };
  }

  static JsonMessage of(LoadEvent e) {
    return switch (e) {
      case LoadEvent.Line l -> JsonMessage.stream(l.message());
      case LoadEvent.LayerProgress p -> JsonMessage.progress(p.id(), "Loading layer", p.current(), p.total());
    };
  }

  /** A thread-safe listener writing to {@code out} (transfers report from several threads). */
  static ProgressListener listener(Consumer<JsonMessage> out) {
    return e -> {
      JsonMessage m = of(e);
      synchronized (out) {
        out.accept(m);
      }
    };
  }
}
