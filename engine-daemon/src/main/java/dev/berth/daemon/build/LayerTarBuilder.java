package dev.berth.daemon.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes the layer tar of a COPY or ADD step: entries named relative to {@code /}, parent directories first
 * (their metadata taken from the image when they exist there), and a checksum of everything copied (names,
 * modes, owners, link targets, content, not times) that the build cache and the history use.
 */
final class LayerTarBuilder implements AutoCloseable {
  private final TarArchiveOutputStream tar;
  private final ImageTree image;
  private final Set<String> written = new HashSet<>();
  private final MessageDigest digest;
  private int entries;

  LayerTarBuilder(OutputStream out, ImageTree image) {
    this.tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    this.image = image;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes sure the parents of {@code path} (absolute, cleaned) are in the tar. */
  void parents(String path, Owner newDirs) throws IOException {
    int slash = path.lastIndexOf('/');
    if (slash <= 0) {
      return;
    }
    String parent = path.substring(0, slash);
    if (written.contains(parent)) {
      return;
    }
    parents(parent, newDirs);
    var existing = image.find(parent);
    if (existing.isPresent() && Files.isDirectory(existing.get(), LinkOption.NOFOLLOW_LINKS)) {
      add(parent, existing.get(), null, null, false);
    } else {
      TarArchiveEntry e = new TarArchiveEntry(parent.substring(1) + "/", TarConstants.LF_DIR);
      e.setMode(040755);
      e.setIds(newDirs.uid(), newDirs.gid());
      put(e, null);
      written.add(parent);
    }
  }

  /**
   * Adds the host file {@code src} as {@code path}; {@code owner} overrides its owner and {@code chmod} its
   * permission bits when not null (symlinks keep theirs).
   */
  void add(String path, Path src, Owner owner, Integer chmod, boolean hash) throws IOException {
    PosixFileAttributes a = Files.readAttributes(src, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    String name = path.substring(1);
    TarArchiveEntry e;
    if (a.isSymbolicLink()) {
      e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
      e.setLinkName(Files.readSymbolicLink(src).toString());
    } else if (a.isDirectory()) {
      e = new TarArchiveEntry(name + "/", TarConstants.LF_DIR);
    } else if (a.isRegularFile()) {
      e = new TarArchiveEntry(name);
      e.setSize(a.size());
    } else {
      return;
    }
    int mode = (int) (Integer) Files.getAttribute(src, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
    if (chmod != null && !a.isSymbolicLink()) {
      mode = chmod;
    }
    e.setMode((a.isDirectory() ? 040000 : a.isSymbolicLink() ? 0120000 : 0100000) | mode);
    e.setModTime(FileTime.from(a.lastModifiedTime().toInstant()));
    if (owner != null) {
      e.setIds(owner.uid(), owner.gid());
    } else {
      e.setIds((Integer) Files.getAttribute(src, "unix:uid", LinkOption.NOFOLLOW_LINKS),
          (Integer) Files.getAttribute(src, "unix:gid", LinkOption.NOFOLLOW_LINKS));
    }
    if (hash) {
      digest.update((e.getName() + "\0" + e.getMode() + "\0" + e.getLongUserId() + ":" + e.getLongGroupId() + "\0"
          + e.getLinkName() + "\0").getBytes(StandardCharsets.UTF_8));
    }
    if (a.isRegularFile()) {
      try (InputStream in = Files.newInputStream(src)) {
        put(e, hash ? new java.security.DigestInputStream(in, digest) : in);
      }
    } else {
      put(e, null);
    }
    written.add(path);
  }

  /**
   * Adds an entry read from an archive (ADD auto-extraction) under the new name {@code path}; {@code linkName} is
   * the symlink target as is, or a hard link's target renamed like the entries.
   */
  void addArchived(String path, TarArchiveEntry from, String linkName, InputStream content) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(path.substring(1) + (from.isDirectory() ? "/" : ""),
        from.getLinkFlag());
    e.setMode(from.getMode());
    e.setUserId(from.getLongUserId());
    e.setGroupId(from.getLongGroupId());
    e.setModTime(from.getModTime());
    e.setLinkName(linkName);
    if (from.isFile()) {
      e.setSize(from.getSize());
    }
    digest.update((e.getName() + "\0" + e.getMode() + "\0" + e.getLinkName() + "\0").getBytes(StandardCharsets.UTF_8));
    put(e, from.isFile() ? new java.security.DigestInputStream(content, digest) : null);
    written.add(path);
  }

  boolean wrote(String path) {
    return written.contains(path);
  }

  int entries() {
    return entries;
  }

  String checksum() {
    return HexFormat.of().formatHex(digest.digest());
  }

  private void put(TarArchiveEntry e, InputStream content) throws IOException {
    tar.putArchiveEntry(e);
    if (content != null) {
      content.transferTo(tar);
    }
    tar.closeArchiveEntry();
    entries++;
  }

  @Override
  public void close() throws IOException {
    tar.finish();
    tar.close();
  }

  /** A numeric owner. */
  record Owner(int uid, int gid) {
    static final Owner ROOT = new Owner(0, 0);
  }

}
