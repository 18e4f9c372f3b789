package dev.berth.storage.image;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.gc.GarbageCollector;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.reference.ImageReference;
import dev.berth.storage.reference.ReferenceStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code docker rmi} with dockerd's exact rules (daemon/images/image_delete.go): removing a tag only untags while
 * other references remain; removing by ID untags everything first when all references are in one repository;
 * conflicts with containers and multiple repositories are reported with dockerd's messages.
 */
public final class ImageDeleter {
  private static final int DEPENDENT_CHILD = 1;
  private static final int RUNNING_CONTAINER = 2;
  private static final int ACTIVE_REFERENCE = 4;
  private static final int STOPPED_CONTAINER = 8;
  private static final int HARD = DEPENDENT_CHILD | RUNNING_CONTAINER;
  private static final int SOFT = ACTIVE_REFERENCE | STOPPED_CONTAINER;

  private final ImageLookup lookup;
  private final ImageStore images;
  private final ReferenceStore refs;
  private final GarbageCollector gc;
  private final ImageUsage usage;
  private final ImageEventListener events;

  public ImageDeleter(ImageLookup lookup, ImageStore images, ReferenceStore refs, GarbageCollector gc,
      ImageUsage usage, ImageEventListener events) {
    this.lookup = lookup;
    this.images = images;
    this.refs = refs;
    this.gc = gc;
    this.usage = usage;
    this.events = events;
  }

  public List<ImageDeleteItem> delete(String imageRef, boolean force, boolean prune) {
    images.lock().lock();
    try {
      return deleteLocked(imageRef, force, prune);
    } finally {
      images.lock().unlock();
    }
  }

  private List<ImageDeleteItem> deleteLocked(String imageRef, boolean force, boolean prune) {
    Image img = lookup.get(imageRef);
    Digest id = img.id();
    List<ImageDeleteItem> records = new ArrayList<>();
    List<ImageReference> repoRefs = refs.references(id);
    boolean removedRepositoryRef = false;
    if (!isImageIdPrefix(id.toString(), imageRef)) {
      if (!force && isSingleReference(repoRefs)) {
        Optional<ImageUsage.ContainerUse> ctr = usage.containersUsing(id).stream().findFirst();
        if (ctr.isPresent()) {
          throw new ConflictException("conflict: unable to remove repository reference \"" + imageRef
              + "\" (must force) - container " + shortId(ctr.get().containerId())
              + " is using its referenced image " + shortId(id.toString()));
        }
      }
      ImageReference parsed = removeRef(ImageReference.parse(imageRef));
      records.add(ImageDeleteItem.untagged(parsed.familiarString()));
      events.imageEvent("untag", id.toString(), id.toString());
      repoRefs = refs.references(id);
      if (!parsed.hasDigest()) {
        boolean tagLeftInRepo = repoRefs.stream()
            .anyMatch(r -> !r.hasDigest() && r.name().equals(parsed.name()));
        if (!tagLeftInRepo) {
          List<ImageReference> remaining = new ArrayList<>();
          for (ImageReference r : repoRefs) {
            if (r.hasDigest() && r.name().equals(parsed.name())) {
              removeRef(r);
              records.add(ImageDeleteItem.untagged(r.familiarString()));
            } else {
              remaining.add(r);
            }
          }
          repoRefs = remaining;
        }
      }
      if (!repoRefs.isEmpty()) {
        return records;
      }
      removedRepositoryRef = true;
    } else if (isSingleReference(repoRefs)) {
      int mask = HARD | (force ? 0 : SOFT & ~ACTIVE_REFERENCE);
      Conflict c = checkConflict(id, mask);
      if (c != null) {
        throw c.exception();
      }
      for (ImageReference r : repoRefs) {
        ImageReference parsed = removeRef(r);
        records.add(ImageDeleteItem.untagged(parsed.familiarString()));
        events.imageEvent("untag", id.toString(), id.toString());
      }
    }
    Conflict c = deleteHelper(id, records, force, prune, removedRepositoryRef);
    if (c != null) {
      throw c.exception();
    }
    return records;
  }

  /** dockerd's imageDeleteHelper; returns a conflict to report instead of throwing so recursion can be quiet. */
  private Conflict deleteHelper(Digest id, List<ImageDeleteItem> records, boolean force, boolean prune,
      boolean quiet) {
    int mask = HARD | (force ? 0 : SOFT);
    Conflict conflict = checkConflict(id, mask);
    if (conflict != null) {
      if (quiet && (!isDangling(id) || conflict.used())) {
        return null;
      }
      return conflict;
    }
    Optional<Digest> parent = images.parent(id);
    for (ImageReference r : refs.references(id)) {
      ImageReference parsed = removeRef(r);
      records.add(ImageDeleteItem.untagged(parsed.familiarString()));
      events.imageEvent("untag", id.toString(), id.toString());
    }
    Image img = images.get(id).orElseThrow();
    try {
      images.delete(id);
    } catch (IOException e) {
      throw new SystemException("cannot delete image " + id, e);
    }
    events.imageEvent("delete", id.toString(), id.toString());
    records.add(ImageDeleteItem.deleted(id.toString()));
    for (Layer l : gc.releaseChain(img.diffIds())) {
      records.add(ImageDeleteItem.deleted(l.chainId().toString()));
    }
    if (!prune || parent.isEmpty() || images.get(parent.get()).isEmpty()) {
      return null;
    }
    return deleteHelper(parent.get(), records, false, true, true);
  }

  private record Conflict(Digest id, boolean hard, boolean used, String message) {
    ConflictException exception() {
      return new ConflictException("conflict: unable to delete " + id.shortHex() + " ("
          + (hard ? "cannot be forced" : "must be forced") + ") - " + message);
    }
  }

  private Conflict checkConflict(Digest id, int mask) {
    if ((mask & DEPENDENT_CHILD) != 0 && !images.children(id).isEmpty()) {
      return new Conflict(id, true, false, "image has dependent child images");
    }
    List<ImageUsage.ContainerUse> users = usage.containersUsing(id);
    if ((mask & RUNNING_CONTAINER) != 0) {
      Optional<ImageUsage.ContainerUse> running = users.stream().filter(ImageUsage.ContainerUse::running).findFirst();
      if (running.isPresent()) {
        return new Conflict(id, true, true,
            "image is being used by running container " + shortId(running.get().containerId()));
      }
    }
    if ((mask & ACTIVE_REFERENCE) != 0 && !refs.references(id).isEmpty()) {
      return new Conflict(id, false, false, "image is referenced in multiple repositories");
    }
    if ((mask & STOPPED_CONTAINER) != 0) {
      Optional<ImageUsage.ContainerUse> stopped = users.stream().filter(u -> !u.running()).findFirst();
      if (stopped.isPresent()) {
        return new Conflict(id, false, true,
            "image is being used by stopped container " + shortId(stopped.get().containerId()));
      }
    }
    return null;
  }

  private boolean isDangling(Digest id) {
    return refs.references(id).isEmpty() && images.children(id).isEmpty();
  }

  private ImageReference removeRef(ImageReference ref) {
    ImageReference key = ref.hasDigest() ? ref : ref.withDefaultTag();
    refs.delete(key);
    return key;
  }

  /** All references in one repository and at most one of them a tag (dockerd's isSingleReference). */
  static boolean isSingleReference(List<ImageReference> repoRefs) {
    if (repoRefs.size() <= 1) {
      return repoRefs.size() == 1;
    }
    ImageReference single = null;
    Set<String> names = new HashSet<>();
    for (ImageReference r : repoRefs) {
      if (r.hasDigest()) {
        names.add(r.name());
      } else if (single == null) {
        names.add(r.name());
        single = r;
      } else {
        return false;
      }
    }
    if (single == null) {
      single = repoRefs.get(0);
    }
    return names.size() == 1 && names.contains(single.name());
  }

  static boolean isImageIdPrefix(String imageId, String candidate) {
    if (imageId.startsWith(candidate)) {
      return true;
    }
    int colon = imageId.indexOf(':');
    return colon >= 0 && imageId.substring(colon + 1).startsWith(candidate);
  }

  static String shortId(String id) {
    int colon = id.indexOf(':');
    String hex = colon >= 0 ? id.substring(colon + 1) : id;
    return hex.length() > 12 ? hex.substring(0, 12) : hex;
  }
}
