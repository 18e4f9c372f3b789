package dev.berth.storage.content;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.storage.digest.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentStoreTest {
  @TempDir Path tmp;

  @Test
  void commitVerifiesAndPublishesAtomically() throws IOException {
    FileContentStore store = new FileContentStore(tmp);
    byte[] data = "hello".getBytes(StandardCharsets.UTF_8);
    Digest d = Digest.sha256(data);
    try (ContentStore.Writer w = store.open()) {
      w.write(data, 0, 2);
      assertFalse(store.exists(d), "nothing is visible before commit");
      w.write(data, 2, 3);
      assertEquals(d, w.commit(d));
    }
    assertArrayEquals(data, Files.readAllBytes(store.path(d).orElseThrow()));
    assertEquals(List.of(d), store.list().toList());
  }

  @Test
  void mismatchLeavesNothing() throws IOException {
    FileContentStore store = new FileContentStore(tmp);
    Digest wrong = Digest.sha256("other");
    DigestMismatchException e = assertThrows(DigestMismatchException.class,
        () -> store.put("hello".getBytes(StandardCharsets.UTF_8), wrong));
    assertEquals(wrong, e.expected());
    assertFalse(store.exists(wrong));
    assertFalse(store.exists(Digest.sha256("hello")));
    try (var s = Files.list(tmp.resolve("ingest"))) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void abortAndCrashLeftoversAreCleaned() throws IOException {
    FileContentStore store = new FileContentStore(tmp);
    ContentStore.Writer w = store.open();
    w.write(new byte[10], 0, 10);
    w.abort();
    ContentStore.Writer crashed = store.open();
    crashed.write(new byte[10], 0, 10);
    new FileContentStore(tmp);          // reopening after a "crash" clears ingest/
    try (var s = Files.list(tmp.resolve("ingest"))) {
      assertEquals(0, s.count());
    }
  }

  @Test
  void sha512AndStreams() throws IOException {
    FileContentStore store = new FileContentStore(tmp);
    byte[] data = "x".repeat(100_000).getBytes(StandardCharsets.UTF_8);
    java.security.MessageDigest md;
    try {
      md = java.security.MessageDigest.getInstance("SHA-512");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    Digest d512 = new Digest("sha512", java.util.HexFormat.of().formatHex(md.digest(data)));
    assertEquals(d512, store.put(new ByteArrayInputStream(data), d512));
    assertTrue(store.exists(d512));
    store.delete(d512);
    assertFalse(store.exists(d512));
  }

  @Test
  void concurrentWritersOfTheSameBlob() throws Exception {
    FileContentStore store = new FileContentStore(tmp);
    byte[] data = "same".getBytes(StandardCharsets.UTF_8);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<Digest>> results = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      results.add(pool.submit((Callable<Digest>) () -> store.put(data, Digest.sha256(data))));
    }
    for (Future<Digest> f : results) {
      assertEquals(Digest.sha256(data), f.get());
    }
    pool.shutdown();
    assertArrayEquals(data, Files.readAllBytes(store.path(Digest.sha256(data)).orElseThrow()));
  }
}
