package dev.berth.storage.layer;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.types.MountSpec;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.linux.FsOps;
import dev.berth.storage.tar.TarApplier;
import dev.berth.storage.tar.WhiteoutMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * dockerd's overlay2 layout under {@code root}: {@code <id>/diff} (the layer's files, whiteouts as 0/0 char
 * devices, opaque dirs with {@code trusted.overlay.opaque=y}), {@code <id>/link} (a 26-character short name),
 * {@code <id>/lower} (the short names below, top first), {@code <id>/work} for writable snapshots, and
 * {@code l/<short> -> ../<id>/diff}. Mount options name lower layers through the short links by absolute path
 * ({@code <root>/l/<short>}); all lower dirs share that parent, so a mounter that would exceed the one-page limit of
 * mount data can chdir into it (in a child, as containerd's {@code compactLowerdirOption} and dockerd do) and pass
 * {@code l}-relative names of 26 characters: more than 140 layers fit.
 */
public final class OverlaySnapshotter implements Snapshotter {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");
  private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
  private static final String TMP_MARK = ".tmp-";

  private final Path root;
  private final boolean indexOff;
  private final Path links;
  private final TarApplier applier;
  private final SecureRandom random = new SecureRandom();

  /** Like dockerd, passes {@code index=off} when the kernel's overlay module has that parameter. */
  public OverlaySnapshotter(Path root, FsOps fs) throws IOException {
    this(root, fs, Files.exists(Path.of("/sys/module/overlay/parameters/index")));
  }

  OverlaySnapshotter(Path root, FsOps fs, boolean indexOff) throws IOException {
    this.indexOff = indexOff;
    this.root = root.toAbsolutePath();
    this.links = this.root.resolve("l");
    this.applier = new TarApplier(fs, WhiteoutMode.OVERLAY, false);
    Files.createDirectories(links);
    removeLeftovers();
  }

  @Override
  public String driverName() {
    return "overlay2";
  }

  @Override
  public long unpack(String layerId, List<String> parentIds, InputStream tar) throws IOException {
    checkId(layerId);
    Path tmp = root.resolve(layerId + TMP_MARK + UUID.randomUUID());
    try {
      Files.createDirectories(tmp.resolve("diff"));
      long size = applier.apply(tar, tmp.resolve("diff")).size();
      String shortId = newShortId();
      Files.writeString(tmp.resolve("link"), shortId);
      if (!parentIds.isEmpty()) {
        Files.writeString(tmp.resolve("lower"), lowerValue(parentIds));
      }
      Files.move(tmp, root.resolve(layerId), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Files.createSymbolicLink(links.resolve(shortId), Path.of("..", layerId, "diff"));
      AtomicFiles.fsyncDirectory(root);
      return size;
    } finally {
      AtomicFiles.deleteTree(tmp);
    }
  }

  @Override
  public void removeLayer(String layerId) throws IOException {
    checkId(layerId);
    removeDir(root.resolve(layerId));
  }

  @Override
  public Set<String> layerIds() throws IOException {
    Set<String> out = new HashSet<>();
    try (Stream<Path> s = Files.list(root)) {
      s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("l") && !n.contains(TMP_MARK))
          .forEach(out::add);
    }
    return out;
  }

  @Override
  public List<MountSpec> prepare(String key, List<LayerSource> layers) throws IOException {
    checkId(key);
    Path dir = root.resolve(key);
    List<String> ids = layers.stream().map(LayerSource::layerId).toList();
    if (!Files.isDirectory(dir)) {
      Path tmp = root.resolve(key + TMP_MARK + UUID.randomUUID());
      try {
        Files.createDirectories(tmp.resolve("diff"));
        Files.createDirectories(tmp.resolve("work"));
        String shortId = newShortId();
        Files.writeString(tmp.resolve("link"), shortId);
        if (!ids.isEmpty()) {
          Files.writeString(tmp.resolve("lower"), lowerValue(ids));
        }
        Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.createSymbolicLink(links.resolve(shortId), Path.of("..", key, "diff"));
        AtomicFiles.fsyncDirectory(root);
      } finally {
        AtomicFiles.deleteTree(tmp);
      }
    }
    if (ids.isEmpty()) {
      return List.of(new MountSpec("bind", dir.resolve("diff").toString(), List.of("rbind", "rw")));
    }
    List<String> lowers = new ArrayList<>();
    for (int i = ids.size() - 1; i >= 0; i--) {
      lowers.add(links.resolve(readLink(ids.get(i))).toString());
    }
    List<String> options = new ArrayList<>();
    if (indexOff) {
      options.add("index=off");
    }
    options.add("lowerdir=" + String.join(":", lowers));
    options.add("upperdir=" + dir.resolve("diff"));
    options.add("workdir=" + dir.resolve("work"));
    return List.of(new MountSpec("overlay", "overlay", options));
  }

  @Override
  public void remove(String key) throws IOException {
    checkId(key);
    removeDir(root.resolve(key));
  }

  @Override
  public Set<String> keys() throws IOException {
    Set<String> out = new HashSet<>();
    for (String id : layerIds()) {
      if (Files.isDirectory(root.resolve(id).resolve("work"))) {
        out.add(id);
      }
    }
    return out;
  }

  @Override
  public Path upperDir(String key) {
    checkId(key);
    return root.resolve(key).resolve("diff");
  }

  @Override
  public Map<String, String> layerData(String layerId, List<String> parentIds) {
    Map<String, String> data = new LinkedHashMap<>();
    if (!parentIds.isEmpty()) {
      List<String> lowers = new ArrayList<>();
      for (int i = parentIds.size() - 1; i >= 0; i--) {
        lowers.add(root.resolve(parentIds.get(i)).resolve("diff").toString());
      }
      data.put("LowerDir", String.join(":", lowers));
    }
    Path dir = root.resolve(layerId);
    data.put("MergedDir", dir.resolve("merged").toString());
    data.put("UpperDir", dir.resolve("diff").toString());
    data.put("WorkDir", dir.resolve("work").toString());
    return data;
  }

  private String lowerValue(List<String> parentIdsBottomFirst) throws IOException {
    List<String> parts = new ArrayList<>();
    for (int i = parentIdsBottomFirst.size() - 1; i >= 0; i--) {
      parts.add("l/" + readLink(parentIdsBottomFirst.get(i)));
    }
    return String.join(":", parts);
  }

  private String readLink(String layerId) throws IOException {
    Path link = root.resolve(layerId).resolve("link");
    if (!Files.exists(link)) {
      throw new SystemException("overlay2 layer " + layerId + " is missing its link file");
    }
    return Files.readString(link, StandardCharsets.UTF_8).strip();
  }

  private void removeDir(Path dir) throws IOException {
    Path link = dir.resolve("link");
    if (Files.exists(link)) {
      Files.deleteIfExists(links.resolve(Files.readString(link).strip()));
    }
    AtomicFiles.deleteTree(dir);
  }

  /** Temp dirs of interrupted unpacks and dangling short links. */
  private void removeLeftovers() throws IOException {
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().contains(TMP_MARK)) {
          AtomicFiles.deleteTree(p);
        }
      }
    }
    try (Stream<Path> s = Files.list(links)) {
      for (Path p : s.toList()) {
        if (!Files.exists(p)) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private String newShortId() {
    char[] id = new char[26];
    for (int i = 0; i < id.length; i++) {
      id[i] = BASE32[random.nextInt(32)];
    }
    return new String(id);
  }

  private static void checkId(String id) {
    if (!SAFE_ID.matcher(id).matches() || id.equals("l")) {
      throw new InvalidParameterException("invalid snapshot id " + id);
    }
  }
}
