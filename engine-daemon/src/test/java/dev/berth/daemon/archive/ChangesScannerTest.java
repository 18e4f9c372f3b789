package dev.berth.daemon.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.berth.api.model.container.FilesystemChange;
import dev.berth.storage.linux.FsOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangesScannerTest {
  private static final FsOps NO_XATTRS = new FsOps() {
    @Override public void mknod(Path path, int mode, int major, int minor) { }
    @Override public void lchown(Path path, int uid, int gid) { }
    @Override public void chmod(Path path, int mode) { }
    @Override public void lsetxattr(Path path, String name, byte[] value) { }
    @Override public Optional<byte[]> lgetxattr(Path path, String name) {
      return Optional.empty();
    }
    @Override public List<String> llistxattr(Path path) {
      return List.of();
    }
    @Override public void lutimes(Path path, Instant atime, Instant mtime) { }
  };

  @Test
  void addedFileInExistingDir_reportsTheDirAsChanged(@TempDir Path tmp) throws IOException {
    Path lower = Files.createDirectories(tmp.resolve("lower/etc"));
    Files.writeString(lower.resolve("passwd"), "root");
    Path upper = Files.createDirectories(tmp.resolve("upper/etc"));
    Files.writeString(upper.resolve("passwd"), "root2");
    Files.writeString(tmp.resolve("upper/new"), "x");
    Files.setLastModifiedTime(upper, FileTime.fromMillis(1000));
    List<FilesystemChange> changes = new ChangesScanner(NO_XATTRS).scan(tmp.resolve("upper"),
        List.of(tmp.resolve("lower")));
    assertEquals(List.of(FilesystemChange.modified("/etc"), FilesystemChange.modified("/etc/passwd"),
        FilesystemChange.added("/new")), changes);
  }

  @Test
  void runtimeMountPoints_areNotReported(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("lower/etc"));
    Path upper = Files.createDirectories(tmp.resolve("upper"));
    Files.createDirectories(upper.resolve("etc"));
    Files.createFile(upper.resolve("etc/hosts"));
    Files.createFile(upper.resolve("etc/resolv.conf"));
    Files.createDirectories(upper.resolve("proc"));
    Files.createDirectories(upper.resolve("dev/shm"));
    Files.createDirectories(upper.resolve("newdir"));
    List<FilesystemChange> changes = new ChangesScanner(NO_XATTRS).scan(upper, List.of(tmp.resolve("lower")));
    assertEquals(List.of(FilesystemChange.added("/newdir")), changes);
  }
}
