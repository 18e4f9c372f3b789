package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.storage.distribution.RegistryTestSupport.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransferManagerTest {

  @Test
  void limitsConcurrency_andReportsWaitingForQueuedTransfers() throws Exception {
    try (TransferManager tm = new TransferManager(2, 5)) {
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger maxRunning = new AtomicInteger();
      Events events = new Events();
      List<CompletableFuture<String>> fs = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        String id = "layer" + i;
        fs.add(tm.download(id, id, events, out -> {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
          release.await(5, TimeUnit.SECONDS);
          running.decrementAndGet();
          return id;
        }));
      }
      Thread.sleep(100);
      release.countDown();
      for (int i = 0; i < 5; i++) {
        assertEquals("layer" + i, fs.get(i).get(5, TimeUnit.SECONDS));
      }
      assertEquals(2, maxRunning.get());
      long waiting = events.statuses().stream().filter(s -> s.endsWith(" Waiting")).count();
      assertEquals(3, waiting);
    }
  }

  @Test
  void sameKey_sharesOneTransferAndItsProgress() throws Exception {
    try (TransferManager tm = TransferManager.defaults()) {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger runs = new AtomicInteger();
      Events first = new Events();
      Events second = new Events();
      TransferManager.Task<String> task = out -> {
        runs.incrementAndGet();
        out.onProgress(new LayerProgress("abc", "Downloading", 1, 10));
        started.countDown();
        release.await(5, TimeUnit.SECONDS);
        out.onProgress(LayerProgress.of("abc", "Download complete"));
        return "done";
      };
      CompletableFuture<String> a = tm.download("k", "abc", first, task);
      started.await(5, TimeUnit.SECONDS);
      CompletableFuture<String> b = tm.download("k", "abc", second, task);
      assertSame(a, b);
      release.countDown();
      assertEquals("done", b.get(5, TimeUnit.SECONDS));
      assertEquals(1, runs.get());
      assertEquals(List.of("abc Downloading", "abc Download complete"), second.statuses());
      // the finished transfer leaves the table right after its future completes (on the worker thread)
      for (int i = 0; i < 200 && tm.activeTransfers() != 0; i++) {
        Thread.sleep(10);
      }
      assertEquals(0, tm.activeTransfers());
    }
  }

  @Test
  void failuresReachEveryWatcher_andTheKeyCanBeRetried() throws Exception {
    try (TransferManager tm = TransferManager.defaults()) {
      CompletableFuture<String> f = tm.upload("k", "x", ProgressListener.NONE, out -> {
        throw new IllegalStateException("boom");
      });
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
      assertTrue(e.getCause() instanceof IllegalStateException);
      assertEquals("ok", tm.upload("k", "x", ProgressListener.NONE, out -> "ok").get(5, TimeUnit.SECONDS));
    }
  }
}
