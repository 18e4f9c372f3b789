package dev.berth.runtime.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the init binary {@code --init} bind-mounts at {@code /sbin/docker-init}. */
public final class InitBinary {
  /** Preferred first: static builds work in images without libc. */
  public static final List<String> CANDIDATES = List.of(
      "/usr/bin/docker-init", "/usr/bin/tini-static", "/usr/local/bin/tini-static", "/usr/bin/tini",
      "/usr/local/bin/tini", "/sbin/tini");

  private InitBinary() {}

  public static Optional<Path> find() {
    return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
  }
}
