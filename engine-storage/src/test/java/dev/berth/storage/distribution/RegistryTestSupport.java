package dev.berth.storage.distribution;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Shared wiring for tests against {@link FakeRegistry}: no certs dirs, fast retries, recorded progress. */
final class RegistryTestSupport {
  static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(1));

  private RegistryTestSupport() {}

  static RegistryClient client() {
    return new RegistryClient(new RegistryConfig(List.of(), List.of(), List.of(), "berth-test", Duration.ofSeconds(5)));
  }

  /** A thread-safe progress recorder. */
  static final class Events implements ProgressListener {
    final List<ProgressEvent> list = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onProgress(ProgressEvent event) {
      list.add(event);
    }

    /** "id status" strings of the layer events without byte counts, in order. */
    List<String> statuses() {
      synchronized (list) {
        return list.stream().map(e -> e instanceof LayerProgress l ? l.id() + " " + l.status()
            : ((StatusMessage) e).id() + " " + ((StatusMessage) e).status()).toList();
      }
    }

    List<String> statusesOf(String id) {
      synchronized (list) {
        return list.stream().filter(e -> e instanceof LayerProgress l && l.id().equals(id))
            .map(e -> ((LayerProgress) e).status()).distinct().toList();
      }
    }
  }
}
