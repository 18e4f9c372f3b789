package dev.berth.daemon;

import dev.berth.daemon.events.EventBus;
import dev.berth.daemon.image.ImageManager;
import dev.berth.daemon.image.ImageSettings;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Opens the image store on its own thread during startup (part of the composition root). */
final class ImageLoad {
  private final CompletableFuture<ImageManager> result = new CompletableFuture<>();
  private volatile long loadedAt;

  private ImageLoad() {}

  static ImageLoad start(ImageSettings settings, EventBus events) {
    ImageLoad load = new ImageLoad();
    Thread.ofPlatform().name("berth-images-load").start(() -> {
      try {
        ImageManager images = ImageManager.open(settings, events);
        load.loadedAt = System.nanoTime();
        load.result.complete(images);
      } catch (Throwable t) {
        load.result.completeExceptionally(t);
      }
    });
    return load;
  }

  /** The loaded image manager; rethrows what opening it threw. */
  ImageManager await() throws IOException {
    try {
      return result.join();
    } catch (CompletionException e) {
      switch (e.getCause()) {
        case IOException io -> throw io;
        case RuntimeException re -> throw re;
        case Error err -> throw err;
        default -> throw e;
      }
    }
  }

  /** {@link System#nanoTime()} when loading finished. */
  long loadedAt() {
    return loadedAt;
  }

  /** Startup failed elsewhere: closes the image manager once it has loaded. */
  void discard() {
    result.thenAccept(ImageManager::close);
  }
}
