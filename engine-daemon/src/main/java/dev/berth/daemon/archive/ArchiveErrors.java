package dev.berth.daemon.archive;

import dev.berth.api.errors.SystemException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * File-system failures of cp as users may see them: with container paths (a Go {@code PathError}'s
 * {@code path: reason}), never the daemon's host paths such as {@code /proc/<pid>/root/…}.
 */
final class ArchiveErrors {
  private ArchiveErrors() {}

  static SystemException of(FileSystemException e, ContainerRoot root) {
    String file = e.getFile() == null ? "" : containerPath(e.getFile(), root);
    String other = e.getOtherFile() == null ? "" : " " + containerPath(e.getOtherFile(), root);
    return new SystemException(file + other + ": " + reason(e), e);
  }

  static String reason(FileSystemException e) {
    return switch (e) {
      case AccessDeniedException a -> "permission denied";
      case NoSuchFileException n -> "no such file or directory";
      case FileAlreadyExistsException f -> "file exists";
      case DirectoryNotEmptyException d -> "directory not empty";
      case NotDirectoryException d -> "not a directory";
      default -> e.getReason() == null ? "input/output error" : lower(e.getReason());
    };
  }

  private static String containerPath(String host, ContainerRoot root) {
    Path p = Path.of(host);
    return p.startsWith(root.root()) ? root.containerPath(p) : p.getFileName() == null ? "/" : "…/" + p.getFileName();
  }

  /** strerror's "Read-only file system" as Go prints it: "read-only file system". */
  private static String lower(String reason) {
    return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
  }
}
