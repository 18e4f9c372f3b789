package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * One build stage: its FROM and the instructions after it, up to the next FROM.
 *
 * @param index position in the Dockerfile, 0-based (what {@code COPY --from=0} refers to)
 * @param name the lower-cased {@code AS} name, empty when unnamed
 */
public record Stage(int index, String name, Instruction.From from, List<Instruction> commands) {

  public Stage {
    commands = List.copyOf(commands);
  }

  /** The stage with extra instructions appended (build {@code --label}s go into the last stage). */
  Stage plus(List<? extends Instruction> more) {
    List<Instruction> all = new ArrayList<>(commands);
    all.addAll(more);
    return new Stage(index, name, from, all);
  }
}
