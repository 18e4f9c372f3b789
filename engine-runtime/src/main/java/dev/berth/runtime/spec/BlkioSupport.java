package dev.berth.runtime.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which block-IO weights the kernel's cgroups offer (moby {@code sysinfo.applyBlkioCgroupInfo}): on cgroup v1 the
 * {@code blkio.weight} and {@code blkio.weight_device} files of the blkio hierarchy (kernels with only BFQ have
 * {@code blkio.bfq.weight}, which dockerd does not use); on cgroup v2 both come with the {@code io} controller.
 */
public record BlkioSupport(boolean weight, boolean weightDevice) {
  public static final BlkioSupport ALL = new BlkioSupport(true, true);
  /** dockerd's create/update warning when {@code --blkio-weight} is discarded. */
  public static final String WEIGHT_DISCARDED =
      "Your kernel does not support Block I/O weight or the cgroup is not mounted. Weight discarded.";
  /** dockerd's create/update warning when {@code --blkio-weight-device} is discarded. */
  public static final String WEIGHT_DEVICE_DISCARDED =
      "Your kernel does not support Block I/O weight_device or the cgroup is not mounted. Weight-device discarded.";

  public static BlkioSupport detect() {
    return detect(Path.of("/sys/fs/cgroup"));
  }

  static BlkioSupport detect(Path cgroupRoot) {
    Path controllers = cgroupRoot.resolve("cgroup.controllers");
    if (Files.exists(controllers)) {
      try (InputStream in = Files.newInputStream(controllers)) {
        boolean io = List.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+"))
            .contains("io");
        return new BlkioSupport(io, io);
      } catch (IOException e) {
        return new BlkioSupport(false, false);
      }
    }
    Path blkio = cgroupRoot.resolve("blkio");
    return new BlkioSupport(Files.exists(blkio.resolve("blkio.weight")),
        Files.exists(blkio.resolve("blkio.weight_device")));
  }

}
