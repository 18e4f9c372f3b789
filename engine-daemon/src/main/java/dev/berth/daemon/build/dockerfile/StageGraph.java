package dev.berth.daemon.build.dockerfile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Which stages a target stage depends on, through {@code FROM <stage>} and {@code COPY --from=<name|index>}.
 *
 * <p>dockerd's classic builder does <em>not</em> use this: it builds every stage up to {@code --target}
 * ({@link Dockerfile#stagesFor}). This is for an opt-in "skip unused stages" mode only (BuildKit's behaviour); the
 * default must stay dockerd's so that outputs and caches match.
 */
public final class StageGraph {
  private StageGraph() {}

  /**
   * Indexes of the stages {@code target} needs, itself included, ascending.
   *
   * @param metaArgs values to expand FROM names with ({@link BuildArgs#metaValues()})
   */
  public static List<Integer> neededStages(Dockerfile dockerfile, Stage target, Map<String, String> metaArgs) {
    ShellLex lex = new ShellLex(dockerfile.escapeToken());
    List<Stage> stages = dockerfile.stages();
    TreeSet<Integer> needed = new TreeSet<>();
    Deque<Stage> todo = new ArrayDeque<>(List.of(target));
    while (!todo.isEmpty()) {
      Stage s = todo.pop();
      if (!needed.add(s.index())) {
        continue;
      }
      String base = lex.processWord(s.from().baseName(), metaArgs);
      byName(stages, base, s.index()).ifPresent(i -> todo.push(stages.get(i)));
      for (Instruction i : s.commands()) {
        if (i instanceof Instruction.Copy c && !c.from().isEmpty()) {
          byNameOrIndex(stages, c.from(), s.index()).ifPresent(x -> todo.push(stages.get(x)));
        }
      }
    }
    return List.copyOf(needed);
  }

  private static OptionalInt byName(List<Stage> stages, String name, int before) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (int i = 0; i < before; i++) {
      if (!stages.get(i).name().isEmpty() && stages.get(i).name().equals(lower)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  private static Optional<Integer> byNameOrIndex(List<Stage> stages, String ref, int before) {
    OptionalInt named = byName(stages, ref, before);
    if (named.isPresent()) {
      return Optional.of(named.getAsInt());
    }
    try {
      int ix = Integer.parseInt(ref);
      return ix >= 0 && ix < before ? Optional.of(ix) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
