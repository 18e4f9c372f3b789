package dev.berth.daemon.image;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.daemon.http.Json;
import dev.berth.daemon.state.AtomicFiles;
import dev.berth.storage.digest.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which repositories are known to hold a blob (moby's {@code v2metadata}): recorded at pull and push, so a push
 * to another repository of the same registry can ask for a cross-repository mount instead of uploading. Kept in
 * one JSON file, rewritten atomically; a lost or stale entry only costs an upload.
 */
final class BlobOrigins {
  private static final Logger log = LoggerFactory.getLogger(BlobOrigins.class);
  private static final int MAX_PER_BLOB = 8;

  private final Path file;
  private final Map<String, List<String>> origins;

  BlobOrigins(Path file) {
    this.file = file;
    this.origins = read(file);
  }

  /** Notes that {@code domain/path} holds each of {@code blobs}; one file write for all of them. */
  synchronized void record(List<Digest> blobs, String domain, String path) {
    String repo = domain + "/" + path;
    boolean changed = false;
    for (Digest blob : blobs) {
      List<String> repos = origins.computeIfAbsent(blob.toString(), k -> new ArrayList<>());
      if (!repos.isEmpty() && repos.get(0).equals(repo)) {
        continue;
      }
      repos.remove(repo);
      repos.add(0, repo);
      while (repos.size() > MAX_PER_BLOB) {
        repos.remove(repos.size() - 1);
      }
      changed = true;
    }
    if (changed) {
      try {
        AtomicFiles.write(file, Json.bytes(origins));
      } catch (IOException e) {
        log.warn("cannot record blob origins in {}: {}", file, e.toString());
      }
    }
  }

  /** Repository paths on {@code domain}, other than {@code except}, known to hold {@code blob}; newest first. */
  synchronized List<String> repositories(Digest blob, String domain, String except) {
    List<String> out = new ArrayList<>();
    for (String repo : origins.getOrDefault(blob.toString(), List.of())) {
      if (repo.startsWith(domain + "/")) {
        String path = repo.substring(domain.length() + 1);
        if (!path.equals(except)) {
          out.add(path);
        }
      }
    }
    return out;
  }

  private static Map<String, List<String>> read(Path file) {
    if (!Files.exists(file)) {
      return new LinkedHashMap<>();
    }
    try {
      Map<String, List<String>> m = Json.MAPPER.readValue(Files.readAllBytes(file), new TypeReference<>() { });
      Map<String, List<String>> out = new LinkedHashMap<>();
      if (m != null) {
        m.forEach((k, v) -> out.put(k, new ArrayList<>(v == null ? List.of() : v)));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      log.warn("ignoring unreadable blob origins {}: {}", file, e.toString());
      return new LinkedHashMap<>();
    }
  }
}
