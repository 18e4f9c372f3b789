package dev.berth.runtime.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A mount the daemon asks for (moby's {@code container.Mount}): a bind of a host path or a volume's directory,
 * or a tmpfs. {@link MountPlan} turns these into OCI mounts with dockerd's options.
 *
 * @param type {@link Type#BIND}, {@link Type#VOLUME} or {@link Type#TMPFS}
 * @param source host path (bind/volume); ignored for tmpfs
 * @param destination absolute path in the container
 * @param readOnly mount read-only
 * @param propagation {@code rprivate}, {@code rslave}, {@code rshared} … or empty for none (volumes)
 * @param nonRecursive {@code bind} instead of {@code rbind}
 * @param tmpfsOptions comma-separated tmpfs options such as {@code size=64m,mode=1777} (tmpfs only)
 */
public record ContainerMount(
    Type type, String source, String destination, boolean readOnly, String propagation, boolean nonRecursive,
    String tmpfsOptions) {

  /** Kinds of mounts a container can request. */
  public enum Type { BIND, VOLUME, TMPFS }

  /** dockerd's default propagation for bind mounts on Linux. */
  public static final String DEFAULT_PROPAGATION = "rprivate";

  public ContainerMount {
    propagation = propagation == null ? "" : propagation;
    tmpfsOptions = tmpfsOptions == null ? "" : tmpfsOptions;
  }

  /** {@code -v /host:/ctr[:ro]} or {@code --mount type=bind}: rbind with rprivate propagation. */
  public static ContainerMount bind(String source, String destination, boolean readOnly) {
    return new ContainerMount(Type.BIND, source, destination, readOnly, DEFAULT_PROPAGATION, false, "");
  }

  /** A named or anonymous volume whose data directory is {@code hostPath}: rbind, no propagation option. */
  public static ContainerMount volume(String hostPath, String destination, boolean readOnly) {
    return new ContainerMount(Type.VOLUME, hostPath, destination, readOnly, "", false, "");
  }

  /** {@code --tmpfs /path:opts} or {@code --mount type=tmpfs}. */
  public static ContainerMount tmpfs(String destination, String options) {
    return new ContainerMount(Type.TMPFS, "tmpfs", destination, false, "", false, options);
  }

  /**
   * The three network files dockerd binds from the container directory ({@code resolv.conf}, {@code hostname},
   * {@code hosts}), writable unless the rootfs is read-only.
   */
  public static List<ContainerMount> networkFiles(Path containerDir, boolean readonlyRootfs) {
    return List.of(
        bind(containerDir.resolve("resolv.conf").toString(), "/etc/resolv.conf", readonlyRootfs),
        bind(containerDir.resolve("hostname").toString(), "/etc/hostname", readonlyRootfs),
        bind(containerDir.resolve("hosts").toString(), "/etc/hosts", readonlyRootfs));
  }
}
