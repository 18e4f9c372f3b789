package dev.berth.daemon.build.dockerfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoFormatsTest {
  @Test
  void durationString_likeGo() {
    assertEquals("0s", GoDuration.format(Duration.ZERO));
    assertEquals("5s", GoDuration.format(Duration.ofSeconds(5)));
    assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
    assertEquals("1m30s", GoDuration.format(Duration.ofSeconds(90)));
    assertEquals("1h0m0s", GoDuration.format(Duration.ofHours(1)));
    assertEquals("26h3m4.5s", GoDuration.format(Duration.ofSeconds(26 * 3600 + 184, 500_000_000)));
    assertEquals("300ms", GoDuration.format(Duration.ofMillis(300)));
    assertEquals("1.5\u00b5s", GoDuration.format(Duration.ofNanos(1500)));
    assertEquals("7ns", GoDuration.format(Duration.ofNanos(7)));
    assertEquals("-2s", GoDuration.format(Duration.ofSeconds(-2)));
  }

  @Test
  void quoteRune_likeGosPercentQOfAnInt() {
    assertEquals("'\\x02'", GoQuote.quoteRune(2));
    assertEquals("'\\x00'", GoQuote.quoteRune(0));
    assertEquals("'\\n'", GoQuote.quoteRune(10));
    assertEquals("'A'", GoQuote.quoteRune(65));
    assertEquals("'\\''", GoQuote.quoteRune('\''));
    assertEquals("'\\x7f'", GoQuote.quoteRune(127));
  }
}
