package dev.berth.api.model.stream;

import static dev.berth.api.model.Wire.read;
import static dev.berth.api.model.Wire.tree;
import static dev.berth.api.model.Wire.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.api.model.stream.JsonMessage.ProgressDetail;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonMessageTest {

  private static final String BAR_EMPTY = "[>" + " ".repeat(50) + "] ";

  @Test
  void factories_writeWhatStreamformatterWrites() {
    assertEquals("{\"status\":\"Pulling from library/busybox\",\"id\":\"latest\"}",
        write(JsonMessage.status("latest", "Pulling from library/busybox")));
    assertEquals("{\"status\":\"Digest: sha256:abc\"}", write(JsonMessage.status("Digest: sha256:abc")));
    assertEquals("{\"status\":\"Pull complete\",\"progressDetail\":{},\"id\":\"9ad63333ebc9\"}",
        write(JsonMessage.progress("9ad63333ebc9", "Pull complete")));
    assertEquals("{\"stream\":\"Step 1/2 : FROM busybox\\n\"}", write(JsonMessage.stream("Step 1/2 : FROM busybox\n")));
    assertEquals("{\"errorDetail\":{\"message\":\"manifest unknown\"},\"error\":\"manifest unknown\"}",
        write(JsonMessage.error("manifest unknown")));
    assertEquals("{\"aux\":{\"ID\":\"sha256:abc\"}}", write(JsonMessage.aux(Map.of("ID", "sha256:abc"))));
    assertEquals("{\"progressDetail\":{},\"aux\":{\"Tag\":\"latest\"}}",
        write(JsonMessage.progressAux(Map.of("Tag", "latest"))));
  }

  @Test
  void downloadingProgress_carriesDetailAndRenderedBar() {
    JsonMessage m = JsonMessage.progress("9ad63333ebc9", "Downloading", 1_234_567, 3_456_789);
    String bar = "[" + "=".repeat(17) + ">" + " ".repeat(33) + "] ";
    assertEquals(tree("{\"status\":\"Downloading\",\"progressDetail\":{\"current\":1234567,\"total\":3456789},"
        + "\"progress\":\"" + bar + " 1.235MB/3.457MB\",\"id\":\"9ad63333ebc9\"}"), tree(m));
    assertEquals(m, read(write(m), JsonMessage.class));
  }

  @ParameterizedTest(name = "{0}/{1} units={2} hide={3} width={4}")
  @CsvSource(delimiter = '|', value = {
      // current | total | units | hide | width | expected
      "0 | 0 | | false | 200 | ''",
      "1 | 0 | | false | 200 | '      1B'",
      "5 | 0 | layers | false | 200 | '5 layers'",
      "50 | 100 | | false | 100 | '     50B/100B'",
      "50 | 100 | | false | 200 | '[=========================>                         ]      50B/100B'",
      "50 | 40 | | false | 200 | '[==================================================>]      50B'",
      "50 | 100 | units | false | 200 | '[=========================>                         ] 50/100 units'",
      "50 | 40 | units | false | 100 | '50 units'",
      "50 | 100 | | true | 200 | '[=========================>                         ] '",
      "999999 | 1000000 | | false | 100 | '  1000kB/1MB'",
      "2100000000 | 32000000000 | | false | 100 | '   2.1GB/32GB'",
  })
  void rendersLikeJsonProgressString(long current, long total, String units, boolean hide, int width,
      String expected) {
    ProgressDetail p = new ProgressDetail(current, total, 0, hide, units);
    assertEquals(expected, p.render(width, Instant.EPOCH));
  }

  @Test
  void zeroCurrent_showsEmptyBar() {
    assertEquals(BAR_EMPTY + "      0B/5B", new ProgressDetail(0, 5, 0, false, null).render());
  }

  @Test
  void timeLeft_appearsWithAStartTime() {
    long start = Instant.parse("2017-12-03T15:10:01Z").getEpochSecond();
    ProgressDetail p = new ProgressDetail(20, 100, start, false, null);
    Instant oneSecondLater = Instant.parse("2017-12-03T15:10:02Z");
    assertEquals("     20B/100B 4s", p.render(100, oneSecondLater));
    assertEquals("[==========>                                        ]      20B/100B 4s", p.render(200, oneSecondLater));
    assertEquals("     20B/100B 1h6m40s",
        p.render(100, Instant.parse("2017-12-03T15:10:01Z").plusSeconds(1000)));
  }

  @Test
  void humanSizeAndGoDuration() {
    assertEquals("0B", ProgressRenderer.humanSize(0));
    assertEquals("999B", ProgressRenderer.humanSize(999));
    assertEquals("1kB", ProgressRenderer.humanSize(1000));
    assertEquals("1.024kB", ProgressRenderer.humanSize(1024));
    assertEquals("12.35MB", ProgressRenderer.humanSize(12_345_678));
    assertEquals("123.5MB", ProgressRenderer.humanSize(123_456_789));
    assertEquals("0s", ProgressRenderer.goDurationSeconds(400_000_000L));
    assertEquals("1s", ProgressRenderer.goDurationSeconds(500_000_000L));
    assertEquals("1m0s", ProgressRenderer.goDurationSeconds(60_000_000_000L));
    assertEquals("2h0m5s", ProgressRenderer.goDurationSeconds(7_205_000_000_000L));
  }
}
