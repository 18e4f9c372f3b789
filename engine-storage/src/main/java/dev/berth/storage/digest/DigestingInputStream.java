package dev.berth.storage.digest;

import java.io.InputStream;
import java.security.MessageDigest;

/** Computes the sha256 and length of everything read through it. */
public final class DigestingInputStream extends ObservedInputStream {
  private final MessageDigest sha256 = Digest.newSha256();
  private long count;

  public DigestingInputStream(InputStream in) {
    super(in);
  }

  @Override
  protected void observe(byte[] b, int off, int len) {
    sha256.update(b, off, len);
    count += len;
  }

  /** The digest of the bytes read so far; call once, after {@link #drain()}. */
  public Digest digest() {
    return Digest.ofSha256(sha256);
  }

  public long count() {
    return count;
  }
}
