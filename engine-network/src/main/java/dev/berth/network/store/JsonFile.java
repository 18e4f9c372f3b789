package dev.berth.network.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.berth.api.errors.SystemException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One JSON document on disk, replaced atomically: write a temp file beside it, fsync, rename over the old one,
 * fsync the directory. Readers see the old or the new content, never a torn one.
 */
public final class JsonFile<T> {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Path path;
  private final TypeReference<T> type;

  public JsonFile(Path path, TypeReference<T> type) {
    this.path = path;
    this.type = type;
  }

  public Path path() {
    return path;
  }

  public Optional<T> read() {
    try {
      return Optional.of(MAPPER.readValue(Files.readAllBytes(path), type));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new SystemException("cannot read " + path, e);
    }
  }

  public void write(T value) {
    try {
      Files.createDirectories(path.getParent());
      Path tmp = path.resolveSibling("." + path.getFileName() + ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ch.write(java.nio.ByteBuffer.wrap(MAPPER.writeValueAsBytes(value)));
        ch.force(true);
      }
      try {
        Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
      }
      try (FileChannel dir = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
        dir.force(true);
      } catch (IOException ignored) {
        // Some filesystems refuse fsync on a directory; the rename is still atomic.
      }
    } catch (IOException e) {
      throw new SystemException("cannot write " + path, e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
