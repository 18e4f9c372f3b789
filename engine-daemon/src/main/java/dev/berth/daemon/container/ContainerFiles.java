package dev.berth.daemon.container;

import dev.berth.api.errors.ConflictException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access to a container's files for cp, export, diff and commit (moby's archive role). Holds the container lock for
 * the whole operation, as dockerd does, so the container cannot start or be removed meanwhile. A running
 * container is seen through {@code /proc/<pid>/root} (its mounts: volumes, binds, tmpfs) or its mounted rootfs;
 * a stopped container's rootfs is mounted for the operation and unmounted after.
 */
public final class ContainerFiles {
  private static final Logger log = LoggerFactory.getLogger(ContainerFiles.class);

  private final ContainerManager manager;
  private final ContainerContext ctx;

  public ContainerFiles(ContainerManager manager) {
    this.manager = manager;
    this.ctx = manager.context();
  }

  /**
   * What an operation sees.
   *
   * @param root the host path that is {@code /} of the container
   * @param running whether the container runs (root then sees its live mounts when asked for them)
   * @param rootfs the daemon's mount of the container's root filesystem (the same as root when not running)
   */
  public record View(ContainerRecord record, Path root, boolean running, Path rootfs) {}

  @FunctionalInterface
  public interface Action<T> {
    T run(View view) throws IOException;
  }

  /**
   * moby {@code checkWritablePath}: whether the mount (volume, bind, tmpfs mount) holding a path of the container
   * is writable; {@code null} when the path is on the container's own root filesystem. The deepest mount wins.
   */
  public Boolean mountWritable(ContainerRecord r, String containerPath) {
    MountRecord best = null;
    for (MountRecord m : ctx.volumes().records(r.id())) {
      String d = m.destination();
      boolean inside = d.equals("/") || containerPath.equals(d) || containerPath.startsWith(d + "/");
      if (inside && (best == null || d.length() > best.destination().length())) {
        best = m;
      }
    }
    return best == null ? null : best.rw();
  }

  /** The current record of a container (NoSuchContainerException when unknown). */
  public ContainerRecord record(String ref) {
    return ctx.store().get(ref).record();
  }

  /**
   * Runs {@code action} with the container's root filesystem available.
   *
   * @param withMounts see the container's mounts (only possible while it runs): cp does, export does not
   */
  public <T> T withRoot(String ref, boolean withMounts, Action<T> action) throws IOException {
    Container c = ctx.store().get(ref);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      ContainerStatus s = r.state().status();
      if (s == ContainerStatus.REMOVING || s == ContainerStatus.DEAD) {
        throw new ConflictException("container " + r.id() + " is marked for removal");
      }
      Path rootfs = ctx.runtime().rootfs(r.id());
      if (s.isRunning() && r.state().pid() > 0) {
        Path proc = Path.of("/proc/" + r.state().pid() + "/root");
        return action.run(new View(r, withMounts && Files.isDirectory(proc) ? proc : rootfs, true, rootfs));
      }
      Files.createDirectories(rootfs);
      ctx.runtime().mounter().mount(r.rootfs(), rootfs);
      List<Path> mounted = new ArrayList<>();
      boolean volumes = false;
      try {
        if (withMounts) {
          volumes = true;
          mountVolumes(r, rootfs, mounted);
        }
        return action.run(new View(r, rootfs, false, rootfs));
      } finally {
        for (int i = mounted.size() - 1; i >= 0; i--) {
          unmount(mounted.get(i));
        }
        if (volumes) {
          ctx.volumes().release(r);
        }
        unmount(rootfs);
      }
    } finally {
      c.lock.unlock();
    }
  }

  /**
   * dockerd's {@code mountVolumes} for a stopped container: its volumes and binds are mounted into the rootfs
   * for the operation (mount points created inside the rootfs when missing, never through a symlink out of it).
   */
  private void mountVolumes(ContainerRecord r, Path rootfs, List<Path> mounted) throws IOException {
    List<String[]> binds = new ArrayList<>();
    for (dev.berth.runtime.spec.ContainerMount m : ctx.volumes().mount(r, rootfs)) {
      binds.add(new String[] {m.source(), m.destination()});
    }
    for (MountRecord m : ctx.volumes().records(r.id())) {
      if (!m.managed() && "bind".equals(m.type()) && m.source() != null && !m.source().isEmpty()) {
        binds.add(new String[] {m.source(), m.destination()});
      }
    }
    binds.sort(java.util.Comparator.comparingInt(b -> b[1].split("/").length));
    dev.berth.storage.tar.ScopedPaths scoped = new dev.berth.storage.tar.ScopedPaths(rootfs);
    for (String[] b : binds) {
      Path source = Path.of(b[0]);
      if (!Files.exists(source)) {
        continue;
      }
      Path target = scoped.resolveFollowing(
          java.util.Arrays.stream(b[1].split("/")).filter(x -> !x.isEmpty()).toList(), b[1]);
      if (!Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        Files.createDirectories(target.getParent());
        if (Files.isDirectory(source)) {
          Files.createDirectory(target);
        } else {
          Files.createFile(target);
        }
      }
      ctx.runtime().mounter().mount(List.of(new dev.berth.api.types.MountSpec("bind", source.toString(),
          List.of("rbind", "rw"))), target);
      mounted.add(target);
    }
  }

  private void unmount(Path p) {
    try {
      ctx.runtime().mounter().unmount(p);
    } catch (RuntimeException e) {
      log.warn("cannot unmount {}: {}", p, e.toString());
    }
  }

  /** Publishes a container event with dockerd's attributes. */
  public void event(ContainerRecord r, String action, Map<String, String> extra) {
    ctx.event(r, action, extra);
  }

  public void pause(String ref) {
    manager.pause(ref);
  }

  public void unpause(String ref) {
    manager.unpause(ref);
  }

  /** moby's commit {@code merge(newConfig, container.Config)}. */
  public static dev.berth.api.model.container.ContainerConfig merge(
      dev.berth.api.model.container.ContainerConfig user, dev.berth.api.model.container.ContainerConfig base) {
    return ConfigMerge.merge(user, base);
  }
}
