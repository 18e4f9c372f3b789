package dev.berth.storage.tar;

import dev.berth.api.errors.SystemException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What Go's {@code archive/tar} reader answers for input that is not a tar, which dockerd passes on verbatim
 * (e.g. {@code docker load} of garbage): a first block shorter than 512 bytes is {@code unexpected EOF}, a block
 * whose checksum does not match is {@code archive/tar: invalid tar header}. Commons Compress is more lenient
 * (a short first block reads as an empty archive) and words its errors differently; this closes the gap.
 * Errors are {@link SystemException}s, as moby leaves them unclassified (500).
 */
public final class GoTarErrors {
  public static final String UNEXPECTED_EOF = "unexpected EOF";
  public static final String INVALID_HEADER = "archive/tar: invalid tar header";
  private static final int BLOCK = 512;

  private GoTarErrors() {}

  /** Wraps {@code in} and checks its first header block as Go's {@code tar.Reader.Next} would. */
  public static InputStream checkFirstBlock(InputStream in) throws IOException {
    BufferedInputStream b = in instanceof BufferedInputStream already ? already : new BufferedInputStream(in);
    b.mark(BLOCK);
    byte[] block = b.readNBytes(BLOCK);
    b.reset();
    check(block);
    return b;
  }

  /** Go's {@code readHeader} on one block: nothing is the end; a partial block or a bad checksum is an error. */
  static void check(byte[] block) {
    if (block.length == 0) {
      return;
    }
    if (block.length < BLOCK) {
      throw new SystemException(UNEXPECTED_EOF);
    }
    if (allZero(block)) {
      return;
    }
    if (!checksumMatches(block)) {
      throw new SystemException(INVALID_HEADER);
    }
  }

  /**
   * Commons Compress's wording for what Go calls a bad header or a truncated stream, else null. (Unclassified
   * errors in moby, so a {@link SystemException}: 500 where a status can still be sent, as for import.)
   */
  public static String translate(IOException e) {
    String m = String.valueOf(e.getMessage());
    if (m.startsWith("Corrupted TAR archive") || m.startsWith("Error detected parsing the header")) {
      return INVALID_HEADER;
    }
    if (m.startsWith("Truncated TAR archive")) {
      return UNEXPECTED_EOF;
    }
    return null;
  }

  private static boolean allZero(byte[] block) {
    for (byte x : block) {
      if (x != 0) {
        return false;
      }
    }
    return true;
  }

  /** Go {@code block.getFormat}: the stored octal checksum equals the unsigned or the signed sum. */
  private static boolean checksumMatches(byte[] block) {
    String field = new String(block, 148, 8, StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
    long stored;
    try {
      stored = field.isEmpty() ? 0 : Long.parseLong(field, 8);
    } catch (NumberFormatException e) {
      return false;
    }
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      int v = i >= 148 && i < 156 ? ' ' : block[i];
      unsigned += v & 0xff;
      signed += (byte) v;
    }
    return stored == unsigned || stored == signed;
  }
}
