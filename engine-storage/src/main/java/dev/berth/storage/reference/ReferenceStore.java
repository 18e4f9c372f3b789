package dev.berth.storage.reference;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Repository tags and digests → image IDs (moby's {@code refstore}), persisted atomically as
 * {@code repositories.json}: {@code {"Repositories":{"busybox":{"busybox:latest":"sha256:…"}}}}. Thread-safe;
 * every change is written before the method returns.
 */
public final class ReferenceStore {
  private static final Comparator<ImageReference> LEXICAL = Comparator.comparing(ImageReference::toString);

  /** One reference and the image it points to. */
  public record Association(ImageReference ref, Digest id) {}

  record FileFormat(@JsonProperty("Repositories") Map<String, Map<String, String>> repositories) {}

  private final Path file;
  private final Map<String, Association> byRef = new TreeMap<>();   // key: full ref string

  public ReferenceStore(Path file) throws IOException {
    this.file = file;
    if (Files.exists(file)) {
      FileFormat f = Json.readTrusted(Files.readAllBytes(file), FileFormat.class);
      if (f.repositories() != null) {
        f.repositories().values().forEach(repo -> repo.forEach((ref, id) -> {
          ImageReference r = ImageReference.parse(ref);
          byRef.put(r.toString(), new Association(r, Digest.parse(id)));
        }));
      }
    }
  }

  /** Adds or moves a tag ({@code force} replaces a tag that points elsewhere). */
  public void addTag(ImageReference ref, Digest id, boolean force) {
    if (ref.hasDigest()) {
      throw new InvalidParameterException("refusing to create a tag with a digest reference");
    }
    add(ref.withDefaultTag(), id, force);
  }

  /** Records {@code name@digest} (a pulled manifest) for an image. */
  public void addDigest(ImageReference ref, Digest id, boolean force) {
    if (!ref.hasDigest()) {
      throw new InvalidParameterException("reference " + ref + " has no digest");
    }
    add(new ImageReference(ref.domain(), ref.path(), null, ref.digest()), id, force);
  }

  private synchronized void add(ImageReference ref, Digest id, boolean force) {
    if (ref.familiarName().equals("sha256")) {
      throw new InvalidParameterException("refusing to create an ambiguous tag using digest algorithm as name");
    }
    Association old = byRef.get(ref.toString());
    if (old != null) {
      if (old.id().equals(id)) {
        return;
      }
      if (ref.hasDigest()) {
        throw new ConflictException("Cannot overwrite digest " + ref.digest());
      }
      if (!force) {
        throw new ConflictException("tag " + ref.familiarString() + " is already in use by " + old.id()
            + ", use the force option to replace it");
      }
    }
    byRef.put(ref.toString(), new Association(ref, id));
    try {
      save();
    } catch (SystemException e) {
      if (old == null) {
        byRef.remove(ref.toString());
      } else {
        byRef.put(ref.toString(), old);
      }
      throw e;
    }
  }

  /** Removes a reference (a name-only reference means {@code :latest}); returns whether it existed. */
  public synchronized boolean delete(ImageReference ref) {
    ImageReference key = ref.hasDigest() ? ref.nameOnly().withDigest(ref.digest()) : ref.withDefaultTag();
    Association old = byRef.remove(key.toString());
    if (old == null) {
      return false;
    }
    try {
      save();
    } catch (SystemException e) {
      byRef.put(key.toString(), old);
      throw e;
    }
    return true;
  }

  /** Looks a reference up; a reference with tag and digest is looked up by digest only, like dockerd. */
  public synchronized Optional<Digest> get(ImageReference ref) {
    ImageReference key = ref.hasDigest() ? ref.nameOnly().withDigest(ref.digest()) : ref.withDefaultTag();
    Association a = byRef.get(key.toString());
    return a == null ? Optional.empty() : Optional.of(a.id());
  }

  /** All references to an image, sorted by their full string. */
  public synchronized List<ImageReference> references(Digest id) {
    List<ImageReference> out = new ArrayList<>();
    for (Association a : byRef.values()) {
      if (a.id().equals(id)) {
        out.add(a.ref());
      }
    }
    out.sort(LEXICAL);
    return out;
  }

  /** All references in one repository ({@code ReferencesByName}). */
  public synchronized List<Association> referencesByName(ImageReference name) {
    List<Association> out = new ArrayList<>();
    for (Association a : byRef.values()) {
      if (a.ref().name().equals(name.name())) {
        out.add(a);
      }
    }
    return out;
  }

  public synchronized List<Association> all() {
    return List.copyOf(byRef.values());
  }

  /** Image IDs that have at least one reference. */
  public synchronized Set<Digest> referencedImages() {
    Set<Digest> out = new HashSet<>();
    byRef.values().forEach(a -> out.add(a.id()));
    return out;
  }

  private void save() {
    Map<String, Map<String, String>> repos = new TreeMap<>();
    for (Association a : byRef.values()) {
      repos.computeIfAbsent(a.ref().familiarName(), k -> new TreeMap<>())
          .put(a.ref().familiarString(), a.id().toString());
    }
    try {
      AtomicFiles.write(file, Json.write(new FileFormat(repos)));
    } catch (IOException e) {
      throw new SystemException("cannot write " + file, e);
    }
  }
}
