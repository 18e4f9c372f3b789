package dev.berth.runtime.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads a log file line by line from a position and notices when the path now names another file (conmon
 * rotates by writing {@code <path>.tmp} and renaming it over the path) or when the file shrank (truncation).
 * An unterminated last line is kept until its {@code \n} arrives.
 */
final class LogFileCursor implements AutoCloseable {
  private final Path path;
  private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
  private final ByteArrayOutputStream carry = new ByteArrayOutputStream();
  private FileChannel channel;
  private Object fileKey;
  private long position;

  LogFileCursor(Path path) {
    this.path = path;
  }

  /** Opens the file at the path if it exists; returns whether a file is open. */
  boolean open() throws IOException {
    close();
    try {
      channel = FileChannel.open(path, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return false;
    }
    fileKey = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    position = 0;
    carry.reset();
    return true;
  }

  boolean isOpen() {
    return channel != null;
  }

  /** Reads up to the current end, passing each complete line (without {@code \n}); returns whether any byte came. */
  boolean readAvailable(Consumer<byte[]> lines) throws IOException {
    if (channel == null) {
      return false;
    }
    boolean progressed = false;
    while (true) {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n <= 0) {
        return progressed;
      }
      progressed = true;
      position += n;
      byte[] b = buffer.array();
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (b[i] == '\n') {
          carry.write(b, start, i - start);
          lines.accept(carry.toByteArray());
          carry.reset();
          start = i + 1;
        }
      }
      carry.write(b, start, n - start);
    }
  }

  /** True when the path is gone or names a different file than the open one (rotation). */
  boolean isReplaced() throws IOException {
    try {
      return !Objects.equals(fileKey, Files.readAttributes(path, BasicFileAttributes.class).fileKey());
    } catch (NoSuchFileException e) {
      return true;
    }
  }

  /** True when the open file is now shorter than what was read (truncated in place). */
  boolean isTruncated() throws IOException {
    return channel != null && channel.size() < position;
  }

  void rewind() {
    position = 0;
    carry.reset();
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }
}
