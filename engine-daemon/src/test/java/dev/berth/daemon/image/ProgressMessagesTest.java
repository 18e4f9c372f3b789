package dev.berth.daemon.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.daemon.http.Json;
import dev.berth.storage.archive.LoadEvent;
import dev.berth.storage.distribution.LayerProgress;
import dev.berth.storage.distribution.StatusMessage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Typed progress rendered as moby's streamformatter writes it. */
class ProgressMessagesTest {
  private static String json(Object o) {
    return new String(Json.bytes(o), StandardCharsets.UTF_8);
  }

  @Test
  void statusMessage_hasNoProgressDetail() {
    assertEquals("{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}",
        json(ProgressMessages.of(new StatusMessage("latest", "Pulling from library/busybox"))));
  }

  @Test
  void layerUpdates_alwaysCarryAProgressDetail() {
    assertEquals("{\"status\":\"Pulling fs layer\",\"progressDetail\":{},\"id\":\"0123456789ab\"}",
        json(ProgressMessages.of(LayerProgress.of("0123456789ab", LayerProgress.PULLING_FS_LAYER))));
    String downloading = json(ProgressMessages.of(new LayerProgress("0123456789ab", "Downloading", 50, 100)));
    assertEquals(true, downloading.startsWith("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":50,"
        + "\"total\":100},\"progress\":\"[=========================>"), downloading);
  }

  @Test
  void loadLines_areStreamMessages() {
    assertEquals("{\"stream\":\"Loaded image: a:1\\n\"}",
        json(ProgressMessages.of(new LoadEvent.Line("Loaded image: a:1\n"))));
    assertEquals("Loading layer", ProgressMessages.of(new LoadEvent.LayerProgress("abc", 1, 2)).status());
  }
}
