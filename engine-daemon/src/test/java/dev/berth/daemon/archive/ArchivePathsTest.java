package dev.berth.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ArchivePathsTest {

  @Test
  void absPath_keepsTrailingSlashAndDot() {
    assertEquals("/etc", ArchivePaths.absPath("etc"));
    assertEquals("/etc/", ArchivePaths.absPath("/etc/"));
    assertEquals("/etc/.", ArchivePaths.absPath("/etc/."));
    assertEquals("/etc/.", ArchivePaths.absPath("etc/./."));
    assertEquals("/", ArchivePaths.absPath("/"));
    assertEquals("/.", ArchivePaths.absPath("/."));
    assertEquals("/x", ArchivePaths.absPath("/../../x"));
  }

  @Test
  void baseAndSplit_likeGo() {
    assertEquals("etc", ArchivePaths.base("/etc/"));
    assertEquals(".", ArchivePaths.base("/etc/."));
    assertEquals("/", ArchivePaths.base("/"));
    assertEquals("/etc/", ArchivePaths.dir("/etc/passwd"));
    assertEquals("passwd", ArchivePaths.file("/etc/passwd"));
    assertEquals("", ArchivePaths.file("/etc/"));
  }
}
