package dev.berth.daemon.archive;

import dev.berth.api.backend.ArchiveBackend;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.FilesystemChange;
import dev.berth.api.model.container.PathStat;
import dev.berth.api.types.MountSpec;
import dev.berth.daemon.container.ContainerFiles;
import dev.berth.daemon.container.ContainerRecord;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.linux.FsOps;
import dev.berth.storage.tar.LayerDiffWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The archive backend: {@code docker cp} (stat, archive, extract), {@code diff}, {@code export} and
 * {@code commit} over {@link ContainerFiles} and the image service.
 */
public final class ArchiveManager implements ArchiveBackend {
  private final ContainerFiles containers;
  private final ImageService images;
  private final TreeTarWriter tars;
  private final ArchiveExtractor extractor;
  private final ChangesScanner changes;
  private final CommitOperation commits;

  public ArchiveManager(ContainerFiles containers, ImageService images, FsOps fs, String dockerVersion) {
    this.containers = containers;
    this.images = images;
    this.tars = new TreeTarWriter(fs);
    this.extractor = new ArchiveExtractor(fs);
    this.changes = new ChangesScanner(fs);
    this.commits = new CommitOperation(containers, images, new LayerDiffWriter(fs), dockerVersion);
  }

  @Override
  public PathStat statPath(String ref, String path) throws IOException {
    String abs = ArchivePaths.absPath(checkPath(path));
    return containers.withRoot(ref, true, v -> stat(ArchiveView.of(v, abs), abs, path, ref));
  }

  @Override
  public void archivePath(String ref, String path, ArchiveSink sink) throws IOException {
    String abs = ArchivePaths.absPath(checkPath(path));
    containers.withRoot(ref, true, v -> {
      ContainerRoot root = ArchiveView.of(v, abs);
      PathStat stat = stat(root, abs, path, ref);
      Path resolved = root.resolve(abs);
      OutputStream out = sink.open(stat);
      tars.write(resolved, rebaseName(abs), out, resolved.equals(root.root()), KernelMounts.of(root.root()));
      out.flush();
      containers.event(v.record(), "archive-path", Map.of("path", path));
      return null;
    });
  }

  @Override
  public void extractToDir(String ref, String path, boolean noOverwriteDirNonDir, boolean copyUidGid,
      InputStream tar) throws IOException {
    String abs = ArchivePaths.absPath(checkPath(path));
    containers.withRoot(ref, true, v -> {
      ContainerRoot root = ArchiveView.of(v, abs);
      Path resolved = root.follow(abs);
      if (!ContainerRoot.exists(resolved) || KernelMounts.of(root.root()).isInside(resolved)) {
        throw ContainerRoot.notFound(path, ref);
      }
      if (!Files.isDirectory(resolved)) {
        throw new InvalidParameterException("extraction point is not a directory");
      }
      Boolean writable = containers.mountWritable(v.record(), root.containerPath(resolved));
      if (Boolean.FALSE.equals(writable)) {
        throw new InvalidParameterException("mounted volume is marked read-only");
      }
      if (writable == null && v.record().hostConfig().readonlyRootfs() && onRootfs(v, resolved)) {
        throw new InvalidParameterException("container rootfs is marked read-only");
      }
      try {
        extractor.extract(tar, root.root(), ArchivePaths.components(root.containerPath(resolved)),
            noOverwriteDirNonDir, copyUidGid ? owner(v) : null);
      } catch (FileSystemException e) {
        throw ArchiveErrors.of(e, root);
      }
      containers.event(v.record(), "extract-to-dir", Map.of("path", path));
      return null;
    });
  }

  @Override
  public List<FilesystemChange> changes(String ref) throws IOException {
    ContainerRecord r = containers.record(ref);
    List<Path> lowers = new ArrayList<>();
    for (MountSpec m : r.rootfs()) {
      for (String o : m.options() == null ? List.<String>of() : m.options()) {
        if (o.startsWith("lowerdir=")) {
          for (String l : o.substring("lowerdir=".length()).split(":")) {
            lowers.add(Path.of(l));
          }
        }
      }
    }
    List<FilesystemChange> out = changes.scan(images.upperDir(r.id()), lowers);
    return out.isEmpty() ? null : out;
  }

  @Override
  public void export(String ref, OutputStream out) throws IOException {
    containers.withRoot(ref, false, v -> {
      tars.write(v.root(), null, out, true, KernelMounts.of(v.root()));
      out.flush();
      containers.event(v.record(), "export", Map.of());
      return null;
    });
  }

  @Override
  public String commit(CommitOptions options) throws IOException {
    return commits.commit(options);
  }

  private static PathStat stat(ContainerRoot root, String abs, String path, String ref) throws IOException {
    Path resolved = root.resolve(abs);
    if (!ContainerRoot.exists(resolved) || KernelMounts.of(root.root()).isInside(resolved)) {
      throw ContainerRoot.notFound(path, ref);
    }
    if ((abs.endsWith("/") || abs.endsWith("/.")) && !Files.isDirectory(resolved)) {
      throw new dev.berth.api.errors.SystemException("lstat " + abs + ": not a directory");
    }
    boolean isRoot = resolved.equals(root.root());
    String link = null;
    if (!isRoot && Files.isSymbolicLink(resolved)) {
      link = root.containerPath(root.follow(abs));
    }
    return PathStats.lstat(resolved, ArchivePaths.base(abs), link, isRoot);
  }

  /** The first name in the archive (moby: {@code filepath.Base(absPath)}, {@code /} for the root). */
  private static String rebaseName(String abs) {
    return ArchivePaths.base(abs);
  }

  /** moby {@code tarCopyOptions}: the container's user owns what {@code cp -a} extracts (none: the tar's). */
  private static int[] owner(ContainerFiles.View v) {
    String user = v.record().config().user();
    if (user == null || user.isEmpty()) {
      return null;
    }
    var u = dev.berth.runtime.user.UserResolver.resolve(v.root(), user, List.of());
    return new int[] {u.uid(), u.gid()};
  }

  private static boolean onRootfs(ContainerFiles.View v, Path p) throws IOException {
    if (!v.running()) {
      return true;
    }
    return Files.getAttribute(p, "unix:dev").equals(Files.getAttribute(v.root(), "unix:dev"));
  }

  private static String checkPath(String path) {
    if (path == null || path.isEmpty()) {
      throw new InvalidParameterException("path cannot be empty");
    }
    return path;
  }
}
