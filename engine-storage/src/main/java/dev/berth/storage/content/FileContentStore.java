package dev.berth.storage.content;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.disk.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link ContentStore} on a directory: {@code blobs/<algo>/<hex>} for committed blobs and {@code ingest/} for
 * writes in progress. Leftover ingests from a crash are removed when the store is opened.
 */
public final class FileContentStore implements ContentStore {
  private final Path blobs;
  private final Path ingest;

  public FileContentStore(Path root) throws IOException {
    this.blobs = root.resolve("blobs");
    this.ingest = root.resolve("ingest");
    Files.createDirectories(blobs.resolve("sha256"));
    AtomicFiles.deleteTree(ingest);
    Files.createDirectories(ingest);
  }

  @Override
  public Optional<Path> path(Digest digest) {
    Path p = file(digest);
    return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
  }

  @Override
  public boolean exists(Digest digest) {
    return Files.isRegularFile(file(digest));
  }

  @Override
  public Writer open() throws IOException {
    return new FileWriter(ingest.resolve(UUID.randomUUID().toString()));
  }

  @Override
  public void delete(Digest digest) throws IOException {
    Files.deleteIfExists(file(digest));
  }

  /** Every committed sha256 blob (for garbage collection). */
  public Stream<Digest> list() throws IOException {
    try (Stream<Path> s = Files.list(blobs.resolve("sha256"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("[a-f0-9]{64}"))
          .map(n -> new Digest("sha256", n)).toList().stream();
    }
  }

  private Path file(Digest d) {
    return blobs.resolve(d.algorithm()).resolve(d.hex());
  }

  private final class FileWriter implements Writer {
    private final Path tmp;
    private final OutputStream out;
    private final MessageDigest sha256 = Digest.newSha256();
    private long size;
    private boolean done;

    FileWriter(Path tmp) throws IOException {
      this.tmp = tmp;
      this.out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW);
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
      if (done) {
        throw new IOException("writer already finished");
      }
      out.write(buf, off, len);
      sha256.update(buf, off, len);
      size += len;
    }

    @Override
    public OutputStream asOutputStream() {
      return new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          FileWriter.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          FileWriter.this.write(b, off, len);
        }
      };
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public Digest commit(Digest expected) throws IOException {
      if (done) {
        throw new IOException("writer already finished");
      }
      try {
        out.close();
        Digest actual = Digest.ofSha256(sha256);
        if (expected != null && !expected.algorithm().equals("sha256")) {
          actual = rehash(expected.algorithm());
        }
        if (expected != null && !expected.equals(actual)) {
          throw new DigestMismatchException(expected, actual);
        }
        Path target = file(actual);
        if (!Files.exists(target)) {
          try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
          }
          Files.createDirectories(target.getParent());
          AtomicFiles.moveAtomically(tmp, target);
        }
        return actual;
      } finally {
        done = true;
        Files.deleteIfExists(tmp);
      }
    }

    private Digest rehash(String algorithm) throws IOException {
      MessageDigest md;
      try {
        md = MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : algorithm);
      } catch (NoSuchAlgorithmException e) {
        throw new IOException("unsupported digest algorithm " + algorithm, e);
      }
      try (InputStream in = Files.newInputStream(tmp)) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
      }
      return new Digest(algorithm, HexFormat.of().formatHex(md.digest()));
    }

    @Override
    public void abort() {
      if (done) {
        return;
      }
      done = true;
      try {
        out.close();
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort: leftovers in ingest/ are removed at the next open
      }
    }
  }
}
