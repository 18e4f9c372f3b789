package dev.berth.storage.tar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small layer tars for tests (PAX for long names). */
public final class TarBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  public TarBuilder() {
    tar = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  public TarBuilder dir(String name) {
    return dir(name, 0755);
  }

  public TarBuilder dir(String name, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR);
    e.setMode(mode);
    return put(e, null);
  }

  public TarBuilder file(String name, String content) {
    return file(name, content, 0644);
  }

  public TarBuilder file(String name, String content, int mode) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
    e.setMode(mode);
    e.setSize(data.length);
    return put(e, data);
  }

  /** A file with a PAX xattr record. */
  public TarBuilder fileWithXattr(String name, String content, String xattr, String value) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
    e.setMode(0644);
    e.setSize(data.length);
    e.addPaxHeader("SCHILY.xattr." + xattr, value);
    return put(e, data);
  }

  public TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    e.setMode(0777);
    return put(e, null);
  }

  public TarBuilder hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
    e.setLinkName(target);
    e.setMode(0644);
    return put(e, null);
  }

  public TarBuilder charDevice(String name, int major, int minor) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_CHR);
    e.setDevMajor(major);
    e.setDevMinor(minor);
    e.setMode(0666);
    return put(e, null);
  }

  public TarBuilder fifo(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_FIFO);
    e.setMode(0644);
    return put(e, null);
  }

  /** {@code .wh.<base>} next to {@code path}. */
  public TarBuilder whiteout(String path) {
    int slash = path.lastIndexOf('/');
    return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), "", 0600);
  }

  public TarBuilder opaque(String dir) {
    return file(dir + "/.wh..wh..opq", "", 0600);
  }

  public TarBuilder owned(String name, String content, int uid, int gid) {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_NORMAL);
    e.setMode(04755);
    e.setSize(data.length);
    e.setUserId(uid);
    e.setGroupId(gid);
    return put(e, data);
  }

  private TarBuilder put(TarArchiveEntry e, byte[] data) {
    try {
      e.setModTime(FileTime.from(Instant.parse("2024-01-02T03:04:05Z")));
      tar.putArchiveEntry(e);
      if (data != null) {
        tar.write(data);
      }
      tar.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public byte[] build() {
    try {
      tar.finish();
      tar.close();
      return bytes.toByteArray();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
