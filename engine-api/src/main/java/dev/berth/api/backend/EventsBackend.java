package dev.berth.api.backend;

import dev.berth.api.filters.Filters;
import dev.berth.api.model.events.EventMessage;
import java.time.Instant;
import java.util.function.Consumer;

/** The event stream behind {@code GET /events}. */
public interface EventsBackend {
  /**
   * Replays the buffered events in {@code [since, until]} that match, then (unless {@code until} is in the past)
   * delivers live ones until the subscription is closed or {@code until} passes.
   *
   * @param since inclusive start, or null for "live only"
   * @param until exclusive end, or null for "forever"
   */
  Subscription subscribe(Instant since, Instant until, Filters filters, Consumer<EventMessage> sink);

  /** An open subscription; closing it stops delivery. {@link #done()} completes when {@code until} passed. */
  interface Subscription extends AutoCloseable {
    java.util.concurrent.CompletableFuture<Void> done();

    @Override
    void close();
  }
}
