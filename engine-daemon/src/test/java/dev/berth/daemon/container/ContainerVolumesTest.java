package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.Mount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerVolumesTest {
  @TempDir Path dir;

  /** Records acquisitions; anonymous volumes are named anon1, anon2 … */
  static final class FakeVolumes implements VolumePort {
    final List<String> acquired = new ArrayList<>();
    final List<String> removed = new ArrayList<>();

    @Override
    public Volume acquire(String name, Map<String, String> labels, Map<String, String> opts) {
      String n = name == null ? "anon" + (acquired.size() + 1) : name;
      acquired.add(n);
      return new Volume(n, "local", Path.of("/vols", n, "_data"));
    }

    @Override
    public void adopt(String name, String containerId) {}

    @Override
    public Path mount(String name, String id, String destination, boolean rw, String propagation) {
      return Path.of("/vols", name, "_data");
    }

    @Override
    public void unmount(String name, String containerId) {}

    @Override
    public boolean isEmpty(String name) {
      return true;
    }

    @Override
    public void removeIfUnused(String name, String exceptContainerId) {
      removed.add(name);
    }
  }

  private static HostConfig host(List<String> binds, List<Mount> mounts) {
    HostConfig.Builder b = HostConfig.empty().toBuilder();
    b.binds = binds;
    b.mounts = mounts;
    return b.build();
  }

  private static ContainerConfig config(String... volumes) {
    ContainerConfig.Builder b = ContainerConfig.empty().toBuilder();
    Map<String, Object> v = new java.util.LinkedHashMap<>();
    for (String s : volumes) {
      v.put(s, Map.of());
    }
    b.volumes = v;
    return b.build();
  }

  @Test
  void bindsMountsAndImageVolumes() throws IOException {
    FakeVolumes fake = new FakeVolumes();
    ContainerVolumes cv = new ContainerVolumes(new ContainerStore(dir), fake);
    cv.create("c1", config("/data", "/named", "/other"), host(List.of("named:/named:ro", "/host:/h"),
        List.of(Mount.volume("", "/m", false))));
    List<MountRecord> rs = cv.records("c1");
    assertEquals(List.of("/named", "/h", "/m", "/data", "/other"), rs.stream().map(MountRecord::destination).toList());
    MountRecord named = rs.get(0);
    assertEquals("ro", named.mode());
    assertTrue(!named.rw() && !named.anonymous() && named.copyData());
    assertEquals("bind", rs.get(1).type());
    assertEquals("rprivate", rs.get(1).propagation());
    assertTrue(rs.get(2).anonymous());
    assertEquals(List.of("named", "anon2", "anon3", "anon4"), fake.acquired);
    cv.removed("c1", true);
    assertEquals(List.of("anon2", "anon3", "anon4"), fake.removed);
  }

  @Test
  void duplicateMountPoint_isRefused() {
    ContainerVolumes cv = new ContainerVolumes(new ContainerStore(dir), new FakeVolumes());
    assertThrows(InvalidParameterException.class,
        () -> cv.create("c2", config(), host(List.of("a:/d", "b:/d"), List.of())));
  }
}
