package dev.berth.api.backend;

import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.FilesystemChange;
import dev.berth.api.model.container.PathStat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * A container's files (moby's archive, export, changes and commit roles): {@code docker cp}, {@code docker diff},
 * {@code docker export}, {@code docker commit}. Container references are IDs, unique ID prefixes or names.
 */
public interface ArchiveBackend {

  /** {@code HEAD /containers/{id}/archive}: NotFoundException "Could not find the file … in container …". */
  PathStat statPath(String ref, String path) throws IOException;

  /** Receives the stat of the resolved path, then gets the stream the tar is written to. */
  @FunctionalInterface
  interface ArchiveSink {
    OutputStream open(PathStat stat) throws IOException;
  }

  /** {@code GET /containers/{id}/archive}: a tar of {@code path}, after {@code sink} got its stat. */
  void archivePath(String ref, String path, ArchiveSink sink) throws IOException;

  /** {@code PUT /containers/{id}/archive}: extracts {@code tar} into the directory {@code path}. */
  void extractToDir(String ref, String path, boolean noOverwriteDirNonDir, boolean copyUidGid, InputStream tar)
      throws IOException;

  /** {@code GET /containers/{id}/changes}. */
  List<FilesystemChange> changes(String ref) throws IOException;

  /** {@code GET /containers/{id}/export}: a tar of the container's root filesystem (without volumes). */
  void export(String ref, OutputStream out) throws IOException;

  /**
   * {@code POST /commit}.
   *
   * @param config overrides the container's config (null: the container's own)
   */
  record CommitOptions(String container, String repo, String tag, String comment, String author, boolean pause,
      List<String> changes, ContainerConfig config) {}

  /** Returns the new image's ID ({@code sha256:…}). */
  String commit(CommitOptions options) throws IOException;
}
