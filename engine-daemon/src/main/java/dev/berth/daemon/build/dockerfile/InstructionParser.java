package dev.berth.daemon.build.dockerfile;

import static dev.berth.daemon.build.dockerfile.BuilderFlags.Type.BOOL;
import static dev.berth.daemon.build.dockerfile.BuilderFlags.Type.STRING;
import static dev.berth.daemon.build.dockerfile.BuilderFlags.Type.STRINGS;

import dev.berth.daemon.build.dockerfile.Instruction.ArgDecl;
import dev.berth.daemon.build.dockerfile.Instruction.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a {@link Node} into a typed {@link Instruction} with buildkit's validation and messages
 * ({@code instructions/parse.go}). Errors carry the bare message; {@link Dockerfile} adds the line prefix.
 */
final class InstructionParser {
  static final List<String> NAMES = List.of("ADD", "ARG", "CMD", "COPY", "ENTRYPOINT", "ENV", "EXPOSE", "FROM",
      "HEALTHCHECK", "LABEL", "MAINTAINER", "ONBUILD", "RUN", "SHELL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");
  private static final Pattern STAGE_NAME = Pattern.compile("^[a-z][a-z0-9-_.]*$");
  private static final Pattern HEREDOC = Pattern.compile("^\\d*<<-?(['\"]?)[^<'\"\\s]+\\1$");
  private static final Pattern ONBUILD_PREFIX = Pattern.compile("(?i)^\\s*ONBUILD\\s*");

  private InstructionParser() {}

  static Instruction parse(Node n) {
    int line = n.startLine();
    String o = n.original();
    List<String> a = n.args();
    return switch (n.lower()) {
      case "from" -> from(n);
      case "run" -> {
        BuilderFlags f = flags(n, Map.of("mount", STRINGS, "network", STRING, "security", STRING, "device", STRINGS));
        rejectHeredoc(n);
        yield new Instruction.Run(line, o, command(n, false), f.used());
      }
      case "cmd" -> new Instruction.Cmd(line, o, command(n, false));
      case "entrypoint" -> new Instruction.Entrypoint(line, o, command(n, true));
      case "env" -> new Instruction.Env(line, o, pairs(n, "ENV"));
      case "label" -> new Instruction.Label(line, o, pairs(n, "LABEL"), false);
      case "arg" -> arg(n);
      case "maintainer" -> new Instruction.Maintainer(line, o, one(n, "MAINTAINER"));
      case "workdir" -> new Instruction.Workdir(line, o, one(n, "WORKDIR"));
      case "user" -> new Instruction.User(line, o, one(n, "USER"));
      case "stopsignal" -> new Instruction.StopSignal(line, o, one(n, "STOPSIGNAL"));
      case "expose" -> {
        if (a.isEmpty()) {
          throw atLeastOne("EXPOSE");
        }
        flags(n, Map.of());
        yield new Instruction.Expose(line, o, a.stream().sorted().toList());
      }
      case "volume" -> volume(n);
      case "copy" -> copy(n);
      case "add" -> add(n);
      case "onbuild" -> onbuild(n);
      case "healthcheck" -> HealthcheckParser.parse(n);
      case "shell" -> shell(n);
      default -> throw new DockerfileException("unknown instruction: " + n.command()
          + Suggest.suffix(n.command(), NAMES, false));
    };
  }

  static BuilderFlags flags(Node n, Map<String, BuilderFlags.Type> declared) {
    return BuilderFlags.parse(n.flags(), declared);
  }

  private static Instruction.From from(Node n) {
    List<String> a = n.args();
    String stage = "";
    if (a.size() == 3 && a.get(1).equalsIgnoreCase("as")) {
      stage = a.get(2).toLowerCase(Locale.ROOT);
      if (!STAGE_NAME.matcher(stage).matches()) {
        throw new DockerfileException("invalid name for build stage: " + GoQuote.quote(a.get(2))
            + ", name can't start with a number or contain symbols");
      }
    } else if (a.size() != 1) {
      throw new DockerfileException("FROM requires either one or three arguments");
    }
    BuilderFlags f = flags(n, Map.of("platform", STRING));
    return new Instruction.From(n.startLine(), n.original(), a.get(0), stage, f.string("platform"));
  }

  static CommandLine command(Node n, boolean emptyAsNil) {
    if (!n.lower().equals("run")) {
      flags(n, Map.of());
    }
    List<String> args = n.json() || n.args().isEmpty() ? n.args() : List.of(String.join(" ", n.args()));
    if (emptyAsNil && args.isEmpty()) {
      return new CommandLine(List.of(), false);
    }
    return new CommandLine(args, !n.json());
  }

  private static List<KeyValue> pairs(Node n, String name) {
    flags(n, Map.of());
    List<String> a = n.args();
    if (a.isEmpty()) {
      throw atLeastOne(name);
    }
    if (a.size() % 2 != 0) {
      throw new DockerfileException("Bad input to " + name + ", too many arguments");
    }
    List<KeyValue> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i += 2) {
      if (a.get(i).isEmpty()) {
        throw new DockerfileException(name + " names can not be blank");
      }
      out.add(new KeyValue(a.get(i), a.get(i + 1)));
    }
    return List.copyOf(out);
  }

  private static Instruction.Arg arg(Node n) {
    if (n.args().isEmpty()) {
      throw atLeastOne("ARG");
    }
    List<ArgDecl> out = new ArrayList<>();
    for (String word : n.args()) {
      int eq = word.indexOf('=');
      if (eq == 0) {
        throw new DockerfileException("ARG names can not be blank");
      }
      out.add(eq < 0 ? new ArgDecl(word, Optional.empty())
          : new ArgDecl(word.substring(0, eq), Optional.of(word.substring(eq + 1))));
    }
    return new Instruction.Arg(n.startLine(), n.original(), List.copyOf(out));
  }

  private static String one(Node n, String name) {
    if (n.args().size() != 1) {
      throw new DockerfileException(name + " requires exactly one argument");
    }
    if (!name.equals("STOPSIGNAL")) {
      flags(n, Map.of());
    }
    return n.args().get(0);
  }

  private static Instruction.Volume volume(Node n) {
    if (n.args().isEmpty()) {
      throw atLeastOne("VOLUME");
    }
    flags(n, Map.of());
    List<String> out = new ArrayList<>();
    for (String v : n.args()) {
      if (v.strip().isEmpty()) {
        throw new DockerfileException("VOLUME specified can not be an empty string");
      }
      out.add(v.strip());
    }
    return new Instruction.Volume(n.startLine(), n.original(), List.copyOf(out));
  }

  private static Instruction.Copy copy(Node n) {
    if (n.args().size() < 2) {
      throw noDestination("COPY");
    }
    BuilderFlags f = flags(n, Map.of("chown", STRING, "from", STRING, "chmod", STRING, "link", BOOL,
        "parents", BOOL, "exclude", STRINGS));
    rejectBuildKitOnly(f, "parents", "exclude");
    rejectHeredoc(n);
    List<String> a = n.args();
    return new Instruction.Copy(n.startLine(), n.original(), a.subList(0, a.size() - 1), a.get(a.size() - 1),
        f.string("from"), f.string("chown"), f.string("chmod"), f.bool("link"));
  }

  private static Instruction.Add add(Node n) {
    if (n.args().size() < 2) {
      throw noDestination("ADD");
    }
    BuilderFlags f = flags(n, Map.of("chown", STRING, "chmod", STRING, "link", BOOL, "keep-git-dir", BOOL,
        "checksum", STRING, "exclude", STRINGS));
    rejectBuildKitOnly(f, "exclude");
    rejectHeredoc(n);
    List<String> a = n.args();
    return new Instruction.Add(n.startLine(), n.original(), a.subList(0, a.size() - 1), a.get(a.size() - 1),
        f.string("chown"), f.string("chmod"), f.bool("link"), f.string("checksum"), f.bool("keep-git-dir"));
  }

  private static Instruction.Onbuild onbuild(Node n) {
    if (n.args().isEmpty()) {
      throw atLeastOne("ONBUILD");
    }
    flags(n, Map.of());
    String trigger = n.args().get(0).strip().toUpperCase(Locale.ROOT);
    switch (trigger) {
      case "ONBUILD" -> throw new DockerfileException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
      case "MAINTAINER", "FROM" -> throw new DockerfileException(trigger + " isn't allowed as an ONBUILD trigger");
      default -> { }
    }
    return new Instruction.Onbuild(n.startLine(), n.original(), ONBUILD_PREFIX.matcher(n.original()).replaceFirst(""));
  }

  private static Instruction.Shell shell(Node n) {
    flags(n, Map.of());
    if (n.args().isEmpty()) {
      throw atLeastOne("SHELL");
    }
    if (!n.json()) {
      throw new DockerfileException("SHELL requires the arguments to be in JSON form");
    }
    return new Instruction.Shell(n.startLine(), n.original(), n.args());
  }

  /**
   * COPY --parents / --exclude change what is copied; silently ignoring them would build a different image, so
   * they fail like the classic builder's other BuildKit-only options.
   */
  private static void rejectBuildKitOnly(BuilderFlags f, String... names) {
    for (String name : names) {
      if (f.used().contains(name)) {
        throw ClassicBuilderSupport.requiresBuildKit(name);
      }
    }
  }

  /** The classic builder has no heredoc support; reject {@code RUN <<EOF} instead of running something else. */
  private static void rejectHeredoc(Node n) {
    if (n.json()) {
      return;
    }
    for (String arg : n.args()) {
      for (String word : arg.split("\\s+")) {
        if (HEREDOC.matcher(word).matches()) {
          throw new DockerfileException("heredoc syntax (" + word + ") requires BuildKit. Refer to "
              + "https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
        }
      }
    }
  }

  static DockerfileException atLeastOne(String name) {
    return new DockerfileException(name + " requires at least one argument");
  }

  private static DockerfileException noDestination(String name) {
    return new DockerfileException(name + " requires at least two arguments, but only one was provided. "
        + "Destination could not be determined");
  }
}
