package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The results of the stages built so far (moby {@code stagesBuildResults}), for {@code FROM <stage>} and
 * {@code COPY --from=<name|index>} lookups, with dockerd's errors. {@code T} is whatever the builder keeps per
 * stage (an image ID, a config).
 */
public final class BuiltStages<T> {
  private final List<T> flat = new ArrayList<>();
  private final Map<String, T> indexed = new HashMap<>();

  /** Call before starting a stage: a name may be used once. */
  public void checkNameAvailable(String name) {
    if (!name.isEmpty() && indexed.containsKey(name.toLowerCase(Locale.ROOT))) {
      throw new DockerfileException(name + " stage name already used");
    }
  }

  /** Records a finished stage. */
  public void commit(String name, T result) {
    checkNameAvailable(name);
    if (!name.isEmpty()) {
      indexed.put(name.toLowerCase(Locale.ROOT), result);
    }
    flat.add(result);
  }

  /** {@code FROM <name>}: only names refer to stages there. */
  public Optional<T> byName(String name) {
    return Optional.ofNullable(indexed.get(name.toLowerCase(Locale.ROOT)));
  }

  /**
   * {@code COPY --from=<ref>}: a stage name, else a stage index, else empty (the ref is an image). Errors carry
   * dockerd's wrapping: {@code invalid from flag value 3: index out of bounds}.
   */
  public Optional<T> forCopyFrom(String ref) {
    Optional<T> named = byName(ref);
    if (named.isPresent()) {
      return named;
    }
    long ix;
    try {
      ix = Long.parseLong(ref);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (ix == flat.size()) {
      throw new DockerfileException("invalid from flag value " + ref + ": refers to current build stage");
    }
    if (ix < 0 || ix > flat.size()) {
      throw new DockerfileException("invalid from flag value " + ref + ": index out of bounds");
    }
    return Optional.of(flat.get((int) ix));
  }
}
