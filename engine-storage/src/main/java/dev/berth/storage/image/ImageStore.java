package dev.berth.storage.image;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.layer.LayerStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Image configs by ID (moby's image store): {@code content/sha256/<hex>} holds the config bytes exactly as
 * received, {@code metadata/sha256/<hex>/} holds {@code parent} and {@code lastUpdated}. Writing the config is the
 * commit point of an image; its layers must be registered before.
 */
public final class ImageStore {
  private static final Logger log = LoggerFactory.getLogger(ImageStore.class);

  private final Path contentDir;
  private final Path metadataDir;
  private final LayerStore layers;
  private final ReentrantLock lock;
  private final Map<Digest, Image> images = new ConcurrentHashMap<>();
  private final Map<Digest, Digest> parents = new ConcurrentHashMap<>();
  private final Map<Digest, Instant> lastUpdated = new ConcurrentHashMap<>();

  public ImageStore(Path dir, LayerStore layers, ReentrantLock lock) throws IOException {
    this.contentDir = dir.resolve("content").resolve("sha256");
    this.metadataDir = dir.resolve("metadata").resolve("sha256");
    this.layers = layers;
    this.lock = lock;
    Files.createDirectories(contentDir);
    Files.createDirectories(metadataDir);
    load();
  }

  private void load() throws IOException {
    try (Stream<Path> s = Files.list(contentDir)) {
      for (Path p : s.toList()) {
        String hex = p.getFileName().toString();
        if (!hex.matches("[a-f0-9]{64}")) {
          continue;
        }
        try {
          Image img = Image.fromJson(Files.readAllBytes(p));
          if (!img.id().hex().equals(hex)) {
            log.warn("image config {} does not match its digest; ignoring it", p);
            continue;
          }
          if (img.topChainId().isPresent() && !layers.exists(img.topChainId().get())) {
            log.warn("image {} has missing layers; ignoring it", img.id());
            continue;
          }
          images.put(img.id(), img);
          readMeta(img.id(), "parent").ifPresent(v -> parents.put(img.id(), Digest.parse(v)));
          readMeta(img.id(), "lastUpdated").flatMap(GoTime::parse)
              .ifPresent(t -> lastUpdated.put(img.id(), t));
        } catch (IOException | RuntimeException e) {
          log.warn("ignoring unreadable image config {}: {}", p, e.toString());
        }
      }
    }
  }

  /**
   * Stores config bytes and returns the image (idempotent). Fails when a layer of the image is not registered
   * (moby: "failed to get layer").
   */
  public Image create(byte[] config) {
    Image img = Image.fromJson(config);
    lock.lock();
    try {
      Image existing = images.get(img.id());
      if (existing != null) {
        return existing;
      }
      if (img.topChainId().isPresent() && !layers.exists(img.topChainId().get())) {
        throw new NotFoundException("failed to get layer " + img.topChainId().get() + ": layer does not exist");
      }
      AtomicFiles.write(contentDir.resolve(img.id().hex()), config);
      images.put(img.id(), img);
      return img;
    } catch (IOException e) {
      throw new SystemException("cannot store image config " + img.id(), e);
    } finally {
      lock.unlock();
    }
  }

  public Optional<Image> get(Digest id) {
    return Optional.ofNullable(images.get(id));
  }

  public Collection<Image> all() {
    return List.copyOf(images.values());
  }

  /**
   * Finds an image by a unique ID prefix (with or without {@code sha256:}); empty when nothing or more than one
   * image matches, as dockerd's digest set does.
   */
  public Optional<Digest> search(String prefix) {
    String hex = prefix.startsWith("sha256:") ? prefix.substring(7) : prefix;
    if (hex.isEmpty() || !hex.matches("[a-f0-9]+")) {
      return Optional.empty();
    }
    Digest found = null;
    for (Digest id : images.keySet()) {
      if (id.hex().startsWith(hex)) {
        if (found != null) {
          return Optional.empty();
        }
        found = id;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Deletes an image's config and metadata (the caller holds the store lock and checked conflicts). */
  public void delete(Digest id) throws IOException {
    Files.deleteIfExists(contentDir.resolve(id.hex()));
    AtomicFiles.fsyncDirectory(contentDir);
    AtomicFiles.deleteTree(metadataDir.resolve(id.hex()));
    images.remove(id);
    parents.remove(id);
    lastUpdated.remove(id);
    parents.values().removeIf(p -> p.equals(id));
  }

  public Optional<Digest> parent(Digest id) {
    return Optional.ofNullable(parents.get(id));
  }

  public void setParent(Digest id, Digest parent) {
    writeMeta(id, "parent", parent.toString());
    parents.put(id, parent);
  }

  /** Images whose parent is {@code id} (build/commit relations). */
  public List<Digest> children(Digest id) {
    List<Digest> out = new ArrayList<>();
    parents.forEach((child, p) -> {
      if (p.equals(id)) {
        out.add(child);
      }
    });
    return out;
  }

  public Optional<Instant> lastUpdated(Digest id) {
    return Optional.ofNullable(lastUpdated.get(id));
  }

  public void setLastUpdated(Digest id, Instant when) {
    writeMeta(id, "lastUpdated", GoTime.format(when));
    lastUpdated.put(id, when);
  }

  public ReentrantLock lock() {
    return lock;
  }

  private Optional<String> readMeta(Digest id, String key) throws IOException {
    Path p = metadataDir.resolve(id.hex()).resolve(key);
    return Files.exists(p) ? Optional.of(Files.readString(p, StandardCharsets.UTF_8)) : Optional.empty();
  }

  private void writeMeta(Digest id, String key, String value) {
    try {
      AtomicFiles.write(metadataDir.resolve(id.hex()).resolve(key), value.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SystemException("cannot write image metadata " + key + " of " + id, e);
    }
  }
}
