package dev.berth.storage.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A recording {@link FsOps} for tests without root: device nodes become empty regular files (and are recorded),
 * ownership is recorded, xattrs live in a map, permission bits and times use Java's file API.
 */
public final class FakeFsOps implements FsOps {
  /** One recorded call. */
  public record Call(String op, Path path, String detail) {}

  /** A device node that would have been created. */
  public record Device(int mode, int major, int minor) {}

  public final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
  public final Map<Path, Device> devices = new ConcurrentHashMap<>();
  public final Map<Path, int[]> owners = new ConcurrentHashMap<>();
  public final Map<Path, Map<String, byte[]>> xattrs = new ConcurrentHashMap<>();

  @Override
  public void mknod(Path path, int mode, int major, int minor) throws IOException {
    calls.add(new Call("mknod", path, Integer.toOctalString(mode) + " " + major + ":" + minor));
    Files.createFile(path);
    devices.put(path, new Device(mode, major, minor));
  }

  @Override
  public void lchown(Path path, int uid, int gid) {
    calls.add(new Call("lchown", path, uid + ":" + gid));
    owners.put(path, new int[] {uid, gid});
  }

  @Override
  public void chmod(Path path, int mode) throws IOException {
    calls.add(new Call("chmod", path, Integer.toOctalString(mode)));
    Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ};
    for (int i = 0; i < order.length; i++) {
      if ((mode & (1 << i)) != 0) {
        perms.add(order[i]);
      }
    }
    perms.add(PosixFilePermission.OWNER_READ);       // keep test trees readable and removable
    perms.add(PosixFilePermission.OWNER_WRITE);
    if (Files.isDirectory(path)) {
      perms.add(PosixFilePermission.OWNER_EXECUTE);
    }
    Files.setPosixFilePermissions(path, perms);
  }

  @Override
  public void lsetxattr(Path path, String name, byte[] value) {
    calls.add(new Call("lsetxattr", path, name));
    xattrs.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).put(name, value.clone());
  }

  @Override
  public Optional<byte[]> lgetxattr(Path path, String name) {
    Map<String, byte[]> m = xattrs.get(path);
    return m == null ? Optional.empty() : Optional.ofNullable(m.get(name));
  }

  @Override
  public List<String> llistxattr(Path path) {
    Map<String, byte[]> m = xattrs.get(path);
    return m == null ? List.of() : List.copyOf(m.keySet());
  }

  @Override
  public void lutimes(Path path, Instant atime, Instant mtime) throws IOException {
    calls.add(new Call("lutimes", path, mtime.toString()));
    if (!Files.isSymbolicLink(path)) {
      Files.setLastModifiedTime(path, FileTime.from(mtime));
    }
  }

  public List<Call> callsOf(String op) {
    synchronized (calls) {
      return calls.stream().filter(c -> c.op().equals(op)).toList();
    }
  }
}
