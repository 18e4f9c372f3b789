package dev.berth.runtime.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.NotImplementedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K8sFileLogReaderTest {
  private static final CompletableFuture<Void> EXITED = CompletableFuture.completedFuture(null);

  @TempDir
  Path dir;

  private static String rec(int second, String stream, String tag, String content) {
    return String.format("2026-01-01T00:00:%02d.000000000+00:00 %s %s %s\n", second, stream, tag, content);
  }

  private List<String> read(Path log, LogReadOptions options) {
    List<String> out = new ArrayList<>();
    new K8sFileLogReader(log).read(options, EXITED, e -> out.add(e.stream().k8sName() + ":"
        + new String(e.message(), StandardCharsets.UTF_8)));
    return out;
  }

  private Path log(String... records) throws Exception {
    return Files.writeString(dir.resolve("ctr.log"), String.join("", records));
  }

  @Test
  void joinsPartialsPerStream() throws Exception {
    Path log = log(rec(1, "stdout", "P", "hel"), rec(1, "stderr", "F", "err"), rec(2, "stdout", "P", "lo "),
        rec(3, "stdout", "F", "world"), rec(4, "stdout", "F", ""), rec(5, "stderr", "P", "tail"));
    assertEquals(List.of("stderr:err\n", "stdout:hello world\n", "stdout:\n", "stderr:tail"),
        read(log, LogReadOptions.all()));
  }

  @Test
  void filtersStreamsSinceUntilAndTail() throws Exception {
    Path log = log(rec(1, "stdout", "F", "a"), rec(2, "stderr", "F", "b"), rec(3, "stdout", "F", "c"),
        rec(4, "stdout", "F", "d"), rec(5, "stdout", "F", "e"));
    assertEquals(List.of("stderr:b\n"), read(log, new LogReadOptions(false, true, null, null, -1, false)));
    Instant since = Instant.parse("2026-01-01T00:00:03Z");
    Instant until = Instant.parse("2026-01-01T00:00:04Z");
    assertEquals(List.of("stdout:c\n", "stdout:d\n"), read(log, new LogReadOptions(true, true, since, until, -1,
        false)));
    assertEquals(List.of("stdout:d\n", "stdout:e\n"), read(log, new LogReadOptions(true, true, null, null, 2,
        false)));
    assertEquals(List.of(), read(log, new LogReadOptions(true, true, null, null, 0, false)));
    assertEquals(List.of("stdout:d\n"), read(log, new LogReadOptions(true, true, null, until, 1, false)),
        "tail counts the messages up to until");
  }

  @Test
  void tailCountsBothStreamsBeforeTheStreamFilter() throws Exception {
    Path log = log(rec(1, "stdout", "F", "o1"), rec(1, "stderr", "F", "e1"), rec(2, "stdout", "F", "o2"),
        rec(2, "stderr", "F", "e2"));
    assertEquals(List.of("stdout:o2\n"), read(log, new LogReadOptions(true, false, null, null, 2, false)),
        "dockerd tails the log file, then drops the stream not asked for");
    assertEquals(List.of("stderr:e1\n", "stderr:e2\n"),
        read(log, new LogReadOptions(false, true, null, null, 3, false)));
  }

  @Test
  void missingFileAndTimestamps() throws Exception {
    assertEquals(List.of(), read(dir.resolve("none.log"), LogReadOptions.all()));
    LogEntry e = new LogEntry(StdStream.STDOUT, Instant.parse("2026-01-01T00:00:01.5Z"), "x\n".getBytes());
    assertEquals("2026-01-01T00:00:01.500000000Z x\n", new String(e.render(true), StandardCharsets.UTF_8));
    assertEquals("x\n", new String(e.render(false), StandardCharsets.UTF_8));
  }

  @Test
  void sinkCanStopTheRead() throws Exception {
    Path log = log(rec(1, "stdout", "F", "a"), rec(2, "stdout", "F", "b"));
    List<LogEntry> got = new ArrayList<>();
    new K8sFileLogReader(log).read(LogReadOptions.all(), EXITED, e -> got.add(e) && false);
    assertEquals(1, got.size());
  }

  @Test
  void followAcrossRotationAndTruncationUntilExit() throws Exception {
    Path log = log(rec(1, "stdout", "F", "one"));
    CompletableFuture<Void> exited = new CompletableFuture<>();
    List<String> got = Collections.synchronizedList(new ArrayList<>());
    Thread follower = Thread.ofVirtual().start(() -> new K8sFileLogReader(log, Duration.ofMillis(10)).read(
        new LogReadOptions(true, true, null, null, -1, true), exited,
        e -> got.add(new String(e.message(), StandardCharsets.UTF_8).strip())));
    await(got, 1);
    Files.writeString(log, rec(2, "stdout", "P", "tw"), StandardOpenOption.APPEND);
    Thread.sleep(50);
    Files.writeString(log, rec(2, "stdout", "F", "o"), StandardOpenOption.APPEND); // partial joined across polls
    await(got, 2);
    // conmon's --log-size-max: the last records go to the old file, then a new file is renamed over the path
    Files.writeString(log, rec(3, "stdout", "F", "three"), StandardOpenOption.APPEND);
    Path tmp = Files.writeString(dir.resolve("ctr.log.tmp"), rec(4, "stdout", "F", "four"));
    Files.move(tmp, log, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    await(got, 4);
    Files.writeString(log, rec(5, "stdout", "F", "5")); // truncated in place, smaller than before
    await(got, 5);
    assertFalse(got.contains("never"));
    Files.writeString(log, rec(6, "stderr", "F", "last"), StandardOpenOption.APPEND);
    exited.complete(null);
    follower.join(5000);
    assertFalse(follower.isAlive(), "follow ends once the container exited");
    assertEquals(List.of("one", "two", "three", "four", "5", "last"), got);
  }

  private static void await(List<String> got, int size) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (got.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(size, got.size(), got.toString());
  }

  @Test
  void noneDriverRefusesToRead() {
    NotImplementedException e = assertThrows(NotImplementedException.class,
        () -> LogConfig.none().reader().read(LogReadOptions.all(), EXITED, x -> true));
    assertEquals("configured logging driver does not support reading", e.getMessage());
  }
}
