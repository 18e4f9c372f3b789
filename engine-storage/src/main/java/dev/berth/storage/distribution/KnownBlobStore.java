package dev.berth.storage.distribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.json.Json;
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
 * Which registry blobs hold each layer (moby's {@code v2metadata} service): diff ID → (blob digest, media type,
 * size, {@code registry/repository}), recorded at pull and push. A push looks here first, so a layer pushed (and
 * compressed) once is found by an existence check or mounted from another repository instead of being compressed
 * and uploaded again, and a pulled layer is never recompressed. One JSON file, rewritten atomically; a lost or
 * stale entry only costs a request or an upload.
 */
public final class KnownBlobStore {
  private static final Logger log = LoggerFactory.getLogger(KnownBlobStore.class);
  private static final int MAX_PER_LAYER = 16;

  private final Path file;
  private final Map<String, List<Entry>> byDiffId;

  public KnownBlobStore(Path file) {
    this.file = file;
    this.byDiffId = read(file);
  }

  /** One known blob; {@code repository} includes the registry's domain. */
  record Entry(@JsonProperty("Digest") String digest, @JsonProperty("MediaType") String mediaType,
      @JsonProperty("Size") long size, @JsonProperty("Repository") String repository) {}

  /** Notes that {@code domain/path} holds {@code blobs.get(i)} for layer {@code diffIds.get(i)}; one write. */
  public synchronized void record(List<Digest> diffIds, List<Descriptor> blobs, String domain, String path) {
    String repo = domain + "/" + path;
    boolean changed = false;
    for (int i = 0; i < diffIds.size() && i < blobs.size(); i++) {
      Descriptor b = blobs.get(i);
      Entry e = new Entry(b.digest().toString(), b.mediaType(), b.size(), repo);
      List<Entry> known = byDiffId.computeIfAbsent(diffIds.get(i).toString(), k -> new ArrayList<>());
      if (!known.isEmpty() && known.get(0).equals(e)) {
        continue;
      }
      known.removeIf(x -> x.digest().equals(e.digest()) && x.repository().equals(repo));
      known.add(0, e);
      while (known.size() > MAX_PER_LAYER) {
        known.remove(known.size() - 1);
      }
      changed = true;
    }
    if (changed) {
      try {
        AtomicFiles.write(file, Json.write(byDiffId));
      } catch (IOException e) {
        log.warn("cannot record known registry blobs in {}: {}", file, e.toString());
      }
    }
  }

  /** Blobs holding layer {@code diffId} in repositories of {@code domain}, newest first. */
  public synchronized List<KnownBlob> lookup(Digest diffId, String domain) {
    List<KnownBlob> out = new ArrayList<>();
    for (Entry e : byDiffId.getOrDefault(diffId.toString(), List.of())) {
      if (e.repository().startsWith(domain + "/") && Digest.isDigest(e.digest())) {
        out.add(new KnownBlob(Descriptor.of(e.mediaType(), Digest.parse(e.digest()), e.size()),
            e.repository().substring(domain.length() + 1)));
      }
    }
    return out;
  }

  private static Map<String, List<Entry>> read(Path file) {
    if (!Files.exists(file)) {
      return new LinkedHashMap<>();
    }
    try {
      Map<String, List<Entry>> m = Json.MAPPER.readValue(Files.readAllBytes(file), new TypeReference<>() { });
      Map<String, List<Entry>> out = new LinkedHashMap<>();
      if (m != null) {
        m.forEach((k, v) -> out.put(k, new ArrayList<>(v == null ? List.of() : v)));
      }
      return out;
    } catch (IOException | RuntimeException e) {
      log.warn("ignoring unreadable known registry blobs {}: {}", file, e.toString());
      return new LinkedHashMap<>();
    }
  }
}
