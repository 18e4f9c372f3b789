package dev.berth.daemon.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds tar archives in memory with fixed times, so the same content always hashes the same. */
public final class TarBuilder {
  private static final Date EPOCH = new Date(1_700_000_000_000L);
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream out;

  public TarBuilder() {
    out = new TarArchiveOutputStream(bytes, StandardCharsets.UTF_8.name());
    out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  public TarBuilder dir(String name, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name.endsWith("/") ? name : name + "/");
    e.setMode(040000 | mode);
    return add(e, null);
  }

  public TarBuilder file(String name, byte[] content, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(0100000 | mode);
    e.setSize(content.length);
    return add(e, content);
  }

  public TarBuilder file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8), 0644);
  }

  public TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    e.setMode(0120777);
    return add(e, null);
  }

  private TarBuilder add(TarArchiveEntry e, byte[] content) {
    e.setModTime(EPOCH);
    e.setUserId(0);
    e.setGroupId(0);
    try {
      out.putArchiveEntry(e);
      if (content != null) {
        out.write(content);
      }
      out.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public byte[] build() {
    try {
      out.finish();
      out.close();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
