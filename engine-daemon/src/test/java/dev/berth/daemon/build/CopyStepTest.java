package dev.berth.daemon.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyStepTest {
  @TempDir
  Path ctx;

  private CopySource source() {
    return new CopySource() {
      @Override
      public Optional<Path> find(String path) {
        Path p = ctx.resolve(path.isEmpty() ? "." : path).normalize();
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? Optional.of(p) : Optional.empty();
      }

      @Override
      public List<String> list(String path) throws IOException {
        try (Stream<Path> s = Files.list(ctx.resolve(path.isEmpty() ? "." : path))) {
          return s.map(e -> e.getFileName().toString()).sorted().toList();
        }
      }

      @Override
      public boolean keepsOwners() {
        return false;
      }
    };
  }

  private ImageTree image = ImageTree.of(null, null);

  private List<String> copy(String verb, List<String> sources, String dest, String workdir, String chown)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CopyStep(verb, source(), image, chown, null, verb.equals("ADD"))
        .write(sources, dest, workdir, out);
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName() + (chown == null ? "" : " " + e.getLongUserId() + ":" + e.getLongGroupId()));
      }
    }
    return names;
  }

  private void file(String name, String content) throws IOException {
    Path p = ctx.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
  }

  @Test
  void fileToFile_fileIntoDir_andRelativeToWorkdir() throws IOException {
    file("f", "x");
    assertEquals(List.of("f"), copy("COPY", List.of("f"), "/f", "", null));
    assertEquals(List.of("d/", "d/f"), copy("COPY", List.of("f"), "/d/", "", null));
    assertEquals(List.of("w/", "w/f"), copy("COPY", List.of("f"), ".", "/w", null));
    assertEquals(List.of("w/", "w/g"), copy("COPY", List.of("f"), "g", "/w", null));
  }

  @Test
  void directoryCopiesItsContents_andWildcardsMatch() throws IOException {
    file("src/a.txt", "a");
    file("src/sub/b.txt", "b");
    file("c.txt", "c");
    assertEquals(List.of("dst/", "dst/a.txt", "dst/sub/", "dst/sub/b.txt"),
        copy("COPY", List.of("src"), "/dst", "", null));
    assertEquals(List.of("t/", "t/c.txt"), copy("COPY", List.of("*.txt"), "/t/", "", null));
  }

  @Test
  void severalSources_needADirectoryDestination() throws IOException {
    file("a", "a");
    file("b", "b");
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> copy("COPY", List.of("a", "b"), "/x", "", null));
    assertEquals("When using COPY with more than one source file, the destination must be a directory and end "
        + "with a /", e.getMessage());
    assertThrows(InvalidParameterException.class, () -> copy("COPY", List.of("missing"), "/x", "", null));
    assertEquals("COPY failed: no source files were specified", assertThrows(InvalidParameterException.class,
        () -> copy("COPY", List.of("nothere*"), "/x/", "", null)).getMessage());
    assertEquals(List.of("x/", "x/a"), copy("COPY", List.of("nothere*", "a"), "/x/", "", null));
  }

  @Test
  void chown_setsOwnersOfFilesAndNewDirectories() throws IOException {
    file("f", "x");
    assertEquals(List.of("o/ 1000:1000", "o/f 1000:1000"), copy("COPY", List.of("f"), "/o/", "", "1000"));
  }

  @Test
  void chmod_setsTheModeOfCopiedFilesAndDirectories() throws IOException {
    file("d/f", "x");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CopyStep.Copied copied = new CopyStep("COPY", source(), image, null, CopyStep.parseChmod("0751"), false)
        .write(List.of("d"), "/o/", "", out);
    assertTrue(copied.hash().startsWith("dir:"), copied.hash());
    List<String> modes = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        modes.add(e.getName() + " " + Integer.toOctalString(e.getMode() & 07777));
      }
    }
    assertEquals(List.of("o/ 755", "o/f 751"), modes);
    assertThrows(InvalidParameterException.class, () -> CopyStep.parseChmod("u+x"));
    assertThrows(InvalidParameterException.class, () -> CopyStep.parseChmod("99999"));
  }

  @Test
  void historyKind_isFileDirOrMulti() throws IOException {
    file("a", "1");
    file("b", "2");
    assertTrue(new CopyStep("COPY", source(), image, null, null, false)
        .write(List.of("a"), "/x", "", new ByteArrayOutputStream()).hash().startsWith("file:"));
    assertTrue(new CopyStep("COPY", source(), image, null, null, false)
        .write(List.of("a", "b"), "/x/", "", new ByteArrayOutputStream()).hash().startsWith("multi:"));
    assertTrue(new CopyStep("COPY", source(), image, null, null, false)
        .write(List.of("*"), "/x/", "", new ByteArrayOutputStream()).hash().startsWith("multi:"));
  }

  @Test
  void add_unpacksLocalTarArchives() throws IOException {
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(Files.newOutputStream(ctx.resolve("a.tar")))) {
      TarArchiveEntry e = new TarArchiveEntry("inner.txt");
      e.setSize(2);
      t.putArchiveEntry(e);
      t.write("hi".getBytes(StandardCharsets.UTF_8));
      t.closeArchiveEntry();
    }
    assertEquals(List.of("x/", "x/inner.txt"), copy("ADD", List.of("a.tar"), "/x/", "", null));
    assertEquals(List.of("x/", "x/a.tar"), copy("COPY", List.of("a.tar"), "/x/", "", null));
    assertTrue(CopyStep.isArchive(ctx.resolve("a.tar")));
  }

  @Test
  void destinationThroughAnImageSymlink_followsIt(@TempDir Path layer) throws IOException {
    Files.createDirectories(layer.resolve("usr/bin"));
    Files.createSymbolicLink(layer.resolve("bin"), Path.of("usr/bin"));
    image = ImageTree.ofDirs(List.of(layer));
    assertEquals("/usr/bin/x", image.resolve("/bin/x"));
    file("f", "x");
    assertEquals(List.of("usr/", "usr/bin/", "usr/bin/f"), copy("COPY", List.of("f"), "/bin/", "", null));
    assertEquals(List.of("usr/", "usr/bin/", "usr/bin/g"), copy("COPY", List.of("f"), "/bin/g", "", null));
    assertEquals(List.of("usr/", "usr/bin/", "usr/bin/f"), copy("COPY", List.of("f"), "/bin", "", null));
  }

  @Test
  void imageLookups_neverFollowHostSymlinks(@TempDir Path layer, @TempDir Path host) throws IOException {
    Files.writeString(host.resolve("secret"), "host");
    Files.createSymbolicLink(layer.resolve("abs"), host);
    Files.createDirectories(layer.resolve("usr"));
    Files.writeString(layer.resolve("usr/secret"), "image");
    Files.createSymbolicLink(layer.resolve("rel"), Path.of("/usr"));
    ImageTree tree = ImageTree.ofDirs(List.of(layer));
    assertTrue(tree.find("/abs/secret").isEmpty());
    assertTrue(tree.lookup("/abs/secret").isEmpty() || !tree.lookup("/abs/secret").get().startsWith(host));
    assertEquals(layer.resolve("usr/secret"), tree.lookup("/rel/secret").orElseThrow());
    assertEquals(List.of("secret"), tree.list("/rel"));
  }
}
