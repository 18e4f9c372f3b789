package dev.berth.storage.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.berth.api.types.MountSpec;
import dev.berth.storage.Storage;
import dev.berth.storage.archive.LoadEvent;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.disk.AtomicFiles;
import dev.berth.storage.image.ImageEventListener;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.image.ImageUsage;
import dev.berth.storage.layer.Layer;
import dev.berth.storage.linux.FsOps;
import dev.berth.storage.linux.LinuxFsOps;
import dev.berth.storage.tar.LayerDiffWriter;
import dev.berth.storage.tar.TarBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The overlay path for real: layers with whiteouts unpacked into overlay2 dirs as root (char devices, trusted
 * xattrs), the returned {@link MountSpec} mounted with mount(8), the merged view checked, a static busybox run in
 * it, and the upper dir written back as a layer tar. Everything is unmounted and deleted afterwards.
 */
@Tag("root")
class OverlayMountIT {
  private static final Path BUSYBOX = Path.of("/bin/busybox");
  private Path dir;
  private Path merged;
  private boolean mounted;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeTrue(Files.readString(Path.of("/proc/filesystems")).contains("overlay"), "needs overlayfs");
    assumeTrue(Files.isExecutable(BUSYBOX), "needs busybox-static");
    dir = Files.createTempDirectory(Path.of("/var/tmp"), "berth-overlay-it-");
    merged = Files.createDirectories(dir.resolve("merged"));
  }

  @AfterEach
  void tearDown() throws Exception {
    if (mounted) {
      run(null, "umount", merged.toString());
    }
    if (dir != null) {
      AtomicFiles.deleteTree(dir);
    }
  }

  @Test
  void whiteoutsAndOpaqueDirsWorkInTheMergedView() throws Exception {
    FsOps fs = LinuxFsOps.load();
    ImageService images = Storage.open(new Storage.Config(dir.resolve("data"), "overlay2", "28.2.2"), fs,
        ImageUsage.none(), ImageEventListener.none());
    byte[] base = new TarBuilderWithBusybox().build();
    byte[] top = new TarBuilder().dir("etc").whiteout("etc/gone").dir("opt").opaque("opt")
        .file("opt/new", "new\n").build();
    List<String> out = new ArrayList<>();
    images.load(new ByteArrayInputStream(dockerArchive("it/app:1", base, top)), true,
        e -> out.add(((LoadEvent.Line) e).message()));
    assertEquals(List.of("Loaded image: it/app:1\n"), out);

    Layer topLayer = images.layerStore().chain(images.get("it/app:1").topChainId().orElseThrow()).get(1);
    Path topDiff = dir.resolve("data/overlay2").resolve(topLayer.cacheId()).resolve("diff");
    assertEquals("char", fileType(topDiff.resolve("etc/gone")));
    assertArrayEquals(new byte[] {'y'}, fs.lgetxattr(topDiff.resolve("opt"), "trusted.overlay.opaque").orElseThrow());

    String key = "f".repeat(64);
    List<MountSpec> mounts = images.prepareRootfs(key, "it/app:1");
    assertEquals(1, mounts.size());
    MountSpec m = mounts.get(0);
    assertEquals("overlay", m.type());
    run(null, "mount", "-t", m.type(), m.source(), "-o", String.join(",", m.options()), merged.toString());
    mounted = true;

    assertTrue(Files.isRegularFile(merged.resolve("etc/keep")));
    assertFalse(Files.exists(merged.resolve("etc/gone"), LinkOption.NOFOLLOW_LINKS), "whited-out file is gone");
    assertFalse(Files.exists(merged.resolve("opt/old")), "opaque dir hides lower content");
    assertEquals("new\n", Files.readString(merged.resolve("opt/new")));
    assertEquals("hello from berth\n", run(null, "chroot", merged.toString(), "/bin/sh", "-c",
        "echo hello from berth"));

    Files.delete(merged.resolve("etc/keep"));
    Files.writeString(merged.resolve("etc/added"), "added\n");
    Path upper = images.upperDir(key);
    assertEquals("char", fileType(upper.resolve("etc/keep")));
    ByteArrayOutputStream diff = new ByteArrayOutputStream();
    new LayerDiffWriter(fs).write(upper, diff);
    Map<String, TarArchiveEntry> entries = entries(diff.toByteArray());
    assertTrue(entries.containsKey("etc/.wh.keep"), entries.keySet().toString());
    assertTrue(entries.containsKey("etc/added"), entries.keySet().toString());
    assertFalse(entries.containsKey("etc/keep"));

    run(null, "umount", merged.toString());
    mounted = false;
    images.removeRootfs(key);
    images.delete("it/app:1", false, true);
    assertTrue(images.layerStore().all().isEmpty());
    try (var s = Files.list(dir.resolve("data/overlay2/l"))) {
      assertEquals(0, s.count());
    }
  }

  /** A base layer with the host's static busybox as /bin/busybox and /bin/sh, plus files to hide later. */
  private static final class TarBuilderWithBusybox {
    byte[] build() throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
        dir(tar, "bin/");
        byte[] bb = Files.readAllBytes(BUSYBOX);
        TarArchiveEntry e = new TarArchiveEntry("bin/busybox");
        e.setMode(0755);
        e.setSize(bb.length);
        tar.putArchiveEntry(e);
        tar.write(bb);
        tar.closeArchiveEntry();
        TarArchiveEntry sh = new TarArchiveEntry("bin/sh", TarConstants.LF_SYMLINK);
        sh.setLinkName("busybox");
        tar.putArchiveEntry(sh);
        tar.closeArchiveEntry();
        dir(tar, "etc/");
        file(tar, "etc/keep", "keep\n");
        file(tar, "etc/gone", "gone\n");
        dir(tar, "opt/");
        file(tar, "opt/old", "old\n");
      }
      return bytes.toByteArray();
    }

    private static void dir(TarArchiveOutputStream tar, String name) throws IOException {
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setMode(040755);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    }

    private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setMode(0644);
      e.setSize(data.length);
      tar.putArchiveEntry(e);
      tar.write(data);
      tar.closeArchiveEntry();
    }
  }

  private static byte[] dockerArchive(String tag, byte[]... layers) throws IOException {
    StringBuilder diffIds = new StringBuilder();
    StringBuilder layerPaths = new StringBuilder();
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (byte[] l : layers) {
      Digest d = Digest.sha256(l);
      diffIds.append(diffIds.isEmpty() ? "" : ",").append('"').append(d).append('"');
      layerPaths.append(layerPaths.isEmpty() ? "" : ",").append("\"blobs/sha256/").append(d.hex()).append('"');
      files.put("blobs/sha256/" + d.hex(), l);
    }
    byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/sh\"]},"
        + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[" + diffIds + "]}}").getBytes(StandardCharsets.UTF_8);
    files.put("blobs/sha256/" + Digest.sha256(config).hex(), config);
    files.put("manifest.json", ("[{\"Config\":\"blobs/sha256/" + Digest.sha256(config).hex() + "\",\"RepoTags\":[\""
        + tag + "\"],\"Layers\":[" + layerPaths + "]}]").getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(f.getKey());
        e.setSize(f.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(f.getValue());
        tar.closeArchiveEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static Map<String, TarArchiveEntry> entries(byte[] tar) throws IOException {
    Map<String, TarArchiveEntry> out = new LinkedHashMap<>();
    TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar));
    for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
      out.put(e.getName(), e);
    }
    return out;
  }

  private static String fileType(Path p) throws IOException {
    int mode = (int) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return (mode & FsOps.S_IFMT) == FsOps.S_IFCHR ? "char" : Integer.toOctalString(mode);
  }

  private static String run(Path cwd, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (cwd != null) {
      pb.directory(cwd.toFile());
    }
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "timeout: " + String.join(" ", cmd));
    assertEquals(0, p.exitValue(), String.join(" ", cmd) + ": " + output);
    return output;
  }
}
