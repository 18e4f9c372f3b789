package dev.berth.daemon.build;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The classic builder's cache: a step is reused when its parent image, its history line (the RUN command with
 * build args, or the COPY/ADD checksum, or the metadata comment) and its resulting config match a step built
 * before. Kept in {@code <data-root>/builder/cache.json} so it survives restarts; entries whose image is gone are
 * ignored.
 */
final class BuildCache {
  private final Path file;
  private final Map<String, String> entries = new HashMap<>();

  BuildCache(Path file) {
    this.file = file;
    try {
      if (Files.isRegularFile(file)) {
        entries.putAll(Json.MAPPER.readValue(Files.readAllBytes(file), new TypeReference<Map<String, String>>() {}));
      }
    } catch (IOException | RuntimeException e) {
      // a damaged cache is an empty cache
    }
  }

  static String key(String parentId, String createdBy, Object config) {
    return Digest.sha256(parentId + "\n" + createdBy + "\n" + new String(Json.write(config),
        java.nio.charset.StandardCharsets.UTF_8)).toString();
  }

  synchronized Optional<String> get(String key, Predicate<String> imageExists) {
    String id = entries.get(key);
    return id != null && imageExists.test(id) ? Optional.of(id) : Optional.empty();
  }

  synchronized void put(String key, String imageId) {
    entries.put(key, imageId);
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(tmp, Json.write(entries));
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the cache is an optimisation
    }
  }

  synchronized int clear() {
    int n = entries.size();
    entries.clear();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // ignore
    }
    return n;
  }
}
