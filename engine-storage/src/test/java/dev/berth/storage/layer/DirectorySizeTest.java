package dev.berth.storage.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySizeTest {
  @Test
  void countsFilesOncePerInode_notDirectoriesOrLinkTargets(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.write(dir.resolve("a/b/f"), new byte[1000]);
    Files.createLink(dir.resolve("a/hard"), dir.resolve("a/b/f"));
    Files.write(dir.resolve("g"), new byte[24]);
    Files.createSymbolicLink(dir.resolve("link"), Path.of("/etc/passwd"));
    long symlink = Files.readAttributes(dir.resolve("link"), java.nio.file.attribute.BasicFileAttributes.class,
        java.nio.file.LinkOption.NOFOLLOW_LINKS).size();
    assertEquals(1024 + symlink, DirectorySize.of(dir));
    assertEquals(0, DirectorySize.of(dir.resolve("missing")));
  }
}
