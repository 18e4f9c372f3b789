package dev.berth.storage.archive;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.tar.Compression;
import dev.berth.storage.tar.EntryNames;
import dev.berth.storage.tar.GoTarErrors;
import dev.berth.storage.tar.ScopedPaths;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An image archive unpacked into a private temp directory (files, dirs and symlinks only, no ownership); names in
 * manifests are resolved inside it, so an archive cannot point outside itself (dockerd's {@code safePath}).
 */
final class ArchiveDir implements Closeable {
  private final Path dir;
  private final ScopedPaths paths;

  private ArchiveDir(Path dir) {
    this.dir = dir;
    this.paths = new ScopedPaths(dir);
  }

  static ArchiveDir extract(InputStream archive, Path tmpRoot) throws IOException {
    Files.createDirectories(tmpRoot);
    ArchiveDir a = new ArchiveDir(Files.createDirectory(tmpRoot.resolve("load-" + UUID.randomUUID())));
    try {
      InputStream plain = GoTarErrors.checkFirstBlock(Compression.decompress(archive)); // compressed ones too
      TarArchiveInputStream in = new TarArchiveInputStream(plain, StandardCharsets.UTF_8.name());
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        List<String> clean = EntryNames.clean(e.getName());
        if (clean.isEmpty()) {
          continue;
        }
        Path p = a.paths.resolve(clean, e.getName(), true);
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !(e.isDirectory() && Files.isDirectory(p))) {
          AtomicFiles.deleteTree(p);
        }
        if (e.isDirectory()) {
          Files.createDirectories(p);
        } else if (e.isSymbolicLink()) {
          Files.createSymbolicLink(p, Path.of(e.getLinkName()));
        } else if (e.isFile() && !e.isLink()) {
          try (OutputStream out = Files.newOutputStream(p, StandardOpenOption.CREATE_NEW)) {
            in.transferTo(out);
          }
        } else if (e.isLink()) {
          Path target = a.paths.resolve(EntryNames.clean(e.getLinkName()), e.getName(), false);
          Files.createLink(p, target);
        }
      }
      plain.transferTo(OutputStream.nullOutputStream());
      return a;
    } catch (IOException e) {
      a.close();
      String go = GoTarErrors.translate(e);
      if (go != null) {
        throw new SystemException(go, e);
      }
      throw e;
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  boolean exists(String name) throws IOException {
    return Files.isRegularFile(file(name));
  }

  /** The file a manifest names, resolved inside the archive. */
  Path file(String name) throws IOException {
    return paths.resolveFollowing(EntryNames.clean(name), name);
  }

  byte[] read(String name) throws IOException {
    Path p = file(name);
    if (!Files.isRegularFile(p)) {
      throw new InvalidParameterException("invalid archive: " + name + " not found");
    }
    return Files.readAllBytes(p);
  }

  @Override
  public void close() throws IOException {
    AtomicFiles.deleteTree(dir);
  }
}
