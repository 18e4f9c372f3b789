package dev.berth.runtime.user;

import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * dockerd creates a container's working directory in the rootfs before start if it is missing
 * ({@code SetupWorkingDirectory}). This does the same without leaving the rootfs: symlinks are resolved inside
 * it, and only the directories created here are chowned (dockerd's {@code WithOnlyNew}); existing ones are left
 * alone. dockerd itself chowns new directories to the (remapped) root, 0:0; pass the resolved user's ids to give
 * them to the user instead.
 */
public final class WorkingDirectory {
  private WorkingDirectory() {}

  /**
   * @param workingDir the container's {@code WorkingDir}; empty does nothing
   * @return the host path of the directory
   * @throws SystemException "Cannot mkdir: … is not a directory" when a file is in the way
   */
  public static Path ensure(Path rootfs, String workingDir, int uid, int gid) {
    Path root = rootfs.toAbsolutePath().normalize();
    if (workingDir == null || workingDir.isEmpty()) {
      return root;
    }
    Path target = RootfsPath.resolve(root, workingDir);
    Path current = root;
    for (Path part : root.relativize(target)) {
      current = current.resolve(part);
      if (Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
        throw new SystemException("Cannot mkdir: " + workingDir + " is not a directory");
      }
      create(current, uid, gid, workingDir);
    }
    return target;
  }

  private static void create(Path dir, int uid, int gid, String workingDir) {
    try {
      Files.createDirectory(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setAttribute(dir, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(dir, "unix:gid", gid, LinkOption.NOFOLLOW_LINKS);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        throw new SystemException("Cannot mkdir: " + workingDir + " is not a directory", e);
      }
    } catch (IOException e) {
      throw new SystemException("cannot create working directory " + workingDir, e);
    }
  }
}
