package dev.berth.storage.archive;

import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.digest.DigestingInputStream;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.layer.LayerStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Collects the files of a saved archive and writes them in the order dockerd's directory walk produces
 * ({@code blobs/…} sorted, then {@code index.json}, {@code manifest.json}, {@code oci-layout},
 * {@code repositories}). Blobs are deduplicated by digest; layer content is streamed from the layer store.
 */
final class SaveWriter {
  private interface Source {
    long size();

    void writeTo(OutputStream out) throws IOException;
  }

  private record Entry(Source source, Instant mtime) {}

  private final OutputStream out;
  private final Map<String, Entry> files = new TreeMap<>();

  SaveWriter(OutputStream out) {
    this.out = out;
  }

  static String blobPath(Digest d) {
    return "blobs/" + d.algorithm() + "/" + d.hex();
  }

  void addBlob(Digest d, byte[] data, Instant mtime) {
    files.putIfAbsent(blobPath(d), new Entry(bytes(data), mtime));
  }

  void addFile(String name, byte[] data) {
    files.put(name, new Entry(bytes(data), null));
  }

  void addLayer(Layer l, LayerStore layers, Instant mtime) {
    files.putIfAbsent(blobPath(l.diffId()), new Entry(new Source() {
      @Override
      public long size() {
        return l.tarSize();
      }

      @Override
      public void writeTo(OutputStream o) throws IOException {
        try (DigestingInputStream in = new DigestingInputStream(layers.openTar(l))) {
          in.transferTo(o);
          if (in.count() != l.tarSize() || !in.digest().equals(l.diffId())) {
            throw new SystemException("stored tar of layer " + l.diffId() + " does not match its diff ID");
          }
        }
      }
    }, mtime));
  }

  void finish() throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    dir(tar, "blobs/");
    String lastDir = "blobs/";
    for (Map.Entry<String, Entry> f : files.entrySet()) {
      String name = f.getKey();
      int slash = name.lastIndexOf('/');
      String parent = slash < 0 ? "" : name.substring(0, slash + 1);
      if (!parent.isEmpty() && !parent.equals(lastDir)) {
        dir(tar, parent);
        lastDir = parent;
      }
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setMode(0100644);
      e.setSize(f.getValue().source().size());
      e.setModTime(FileTime.from(f.getValue().mtime() == null ? Instant.EPOCH : f.getValue().mtime()));
      tar.putArchiveEntry(e);
      f.getValue().source().writeTo(tar);
      tar.closeArchiveEntry();
    }
    tar.finish();
    tar.flush();
  }

  private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setMode(040755);
    e.setModTime(FileTime.from(Instant.EPOCH));
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  private static Source bytes(byte[] data) {
    return new Source() {
      @Override
      public long size() {
        return data.length;
      }

      @Override
      public void writeTo(OutputStream o) throws IOException {
        o.write(data);
      }
    };
  }

}
