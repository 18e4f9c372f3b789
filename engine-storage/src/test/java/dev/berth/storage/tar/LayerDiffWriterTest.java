package dev.berth.storage.tar;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.storage.linux.FakeFsOps;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerDiffWriterTest {
  @TempDir Path upper;

  private List<String> names(Set<String> mountPoints) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new LayerDiffWriter(new FakeFsOps()).write(upper, out, mountPoints);
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @Test
  void containerMountPoints_areLeftOutOfCommits() throws IOException {
    Files.createDirectories(upper.resolve("etc"));
    Files.writeString(upper.resolve("etc/passwd"), "root:x:0:0::/:/bin/sh\n");
    for (String f : List.of("hosts", "hostname", "resolv.conf")) {
      Files.createFile(upper.resolve("etc").resolve(f));
    }
    assertEquals(List.of("etc/", "etc/passwd"), names(LayerDiffWriter.CONTAINER_MOUNT_POINTS));
    assertEquals(List.of("etc/", "etc/hostname", "etc/hosts", "etc/passwd", "etc/resolv.conf"), names(Set.of()));
  }

  @Test
  void aDirectoryNamedLikeAMountPoint_isKept() throws IOException {
    Files.createDirectories(upper.resolve("etc/hosts"));
    assertEquals(List.of("etc/", "etc/hosts/"), names(LayerDiffWriter.CONTAINER_MOUNT_POINTS));
  }
}
