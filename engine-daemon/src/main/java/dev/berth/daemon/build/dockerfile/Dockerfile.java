package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A parsed Dockerfile: the ARGs before the first FROM ({@code metaArgs}) and the stages, as dockerd's classic
 * builder sees them after {@code parser.Parse} + {@code instructions.Parse}.
 *
 * <p>A builder runs {@link #stagesFor(String)} (all stages up to {@code --target}; the classic builder builds every
 * one of them, it skips nothing else), then {@link #withBuildLabels}, numbers steps with {@link #totalSteps}, and
 * for each stage expands {@code FROM} with {@link BuildArgs#metaValues()} and every other instruction with
 * {@link BuildArgs#expansionEnv} before dispatching it.
 *
 * @param syntax the {@code # syntax=} directive, which the classic builder ignores (the builder may warn)
 * @param warnings dockerd's parser warnings (empty continuation lines), printed to the build's stderr
 */
public record Dockerfile(char escapeToken, Optional<String> syntax, List<String> warnings,
    List<Instruction.Arg> metaArgs, List<Stage> stages) {

  public Dockerfile {
    warnings = List.copyOf(warnings);
    metaArgs = List.copyOf(metaArgs);
    stages = List.copyOf(stages);
  }

  public static Dockerfile parse(String content) {
    return parse(content, "Dockerfile");
  }

  /** Parses {@code content}; {@code name} is the Dockerfile path as given to the build (used in messages). */
  public static Dockerfile parse(String content, String name) {
    if (content.isEmpty()) {
      throw new DockerfileException("the Dockerfile (" + name + ") cannot be empty");
    }
    LineScanner.Result scanned;
    List<Node> nodes = new ArrayList<>();
    try {
      scanned = LineScanner.scan(content);
      for (LineScanner.LogicalLine l : scanned.lines()) {
        nodes.add(LineParsers.parse(l.text(), scanned.escapeToken(), l.startLine(), l.endLine()));
      }
    } catch (DockerfileException e) {
      throw new DockerfileException("failed to parse " + name + ": " + e.getMessage());
    }
    List<Instruction.Arg> metaArgs = new ArrayList<>();
    List<Stage> stages = new ArrayList<>();
    List<Instruction> current = new ArrayList<>();
    for (Node n : nodes) {
      Instruction i;
      try {
        i = InstructionParser.parse(n);
      } catch (DockerfileException e) {
        throw DockerfileException.onLine(n.startLine(), e.getMessage());
      }
      if (i instanceof Instruction.From f) {
        closeStage(stages, current);
        stages.add(new Stage(stages.size(), f.stageName(), f, List.of()));
      } else if (stages.isEmpty()) {
        if (!(i instanceof Instruction.Arg a)) {
          throw new DockerfileException("no build stage in current context");
        }
        metaArgs.add(a);
      } else {
        current.add(i);
      }
    }
    closeStage(stages, current);
    return new Dockerfile(scanned.escapeToken(), scanned.syntax(), scanned.warnings(), metaArgs, stages);
  }

  private static void closeStage(List<Stage> stages, List<Instruction> current) {
    if (!stages.isEmpty()) {
      int last = stages.size() - 1;
      stages.set(last, stages.get(last).plus(current));
    }
    current.clear();
  }

  /** The stages the classic builder runs: all of them, or those up to and including {@code target}. */
  public List<Stage> stagesFor(String target) {
    if (target == null || target.isEmpty()) {
      return stages;
    }
    return findStage(target).map(s -> stages.subList(0, s.index() + 1))
        .orElseThrow(() -> new DockerfileException("failed to reach build target " + target + " in Dockerfile"));
  }

  /** The stage named {@code name} (case-insensitive). */
  public Optional<Stage> findStage(String name) {
    return stages.stream().filter(s -> !s.name().isEmpty() && s.name().equalsIgnoreCase(name)).findFirst();
  }

  /** Appends one literal {@code LABEL k=v} per build {@code --label}, sorted by key, to the last stage. */
  public static List<Stage> withBuildLabels(List<Stage> stages, Map<String, String> labels) {
    if (labels.isEmpty() || stages.isEmpty()) {
      return stages;
    }
    List<Instruction.Label> extra = new ArrayList<>();
    new TreeMap<>(labels).forEach((k, v) -> extra.add(new Instruction.Label(0, "LABEL " + k + "=" + v,
        List.of(new Instruction.KeyValue(k, v)), true)));
    List<Stage> out = new ArrayList<>(stages);
    out.set(out.size() - 1, out.get(out.size() - 1).plus(extra));
    return List.copyOf(out);
  }

  /** The {@code m} of {@code Step n/m}: meta ARGs, one FROM per stage and every instruction. */
  public int totalSteps(List<Stage> selected) {
    return metaArgs.size() + selected.size() + selected.stream().mapToInt(s -> s.commands().size()).sum();
  }

  /**
   * Parses one ONBUILD trigger from a base image's config when a stage starts from it (moby
   * {@code dispatchTriggeredOnBuild}).
   */
  public static Instruction parseTrigger(String expression) {
    LineScanner.Result scanned = LineScanner.scan(expression);
    if (scanned.lines().size() != 1) {
      throw new DockerfileException("onbuild trigger should be a single expression");
    }
    LineScanner.LogicalLine l = scanned.lines().get(0);
    Instruction i = InstructionParser.parse(LineParsers.parse(l.text(), scanned.escapeToken(), 1, 1));
    if (i instanceof Instruction.From) {
      throw new DockerfileException("FROM isn't allowed as an ONBUILD trigger");
    }
    return i;
  }
}
