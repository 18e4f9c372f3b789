package dev.berth.daemon.build.dockerfile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One parsed Dockerfile instruction (buildkit {@code instructions}). Every instruction knows the line it starts on
 * and its {@link #original()} text, which the builder prints as {@code Step n/m : <original>} and uses in commit
 * messages. Values are as written: call {@link #expand} with the stage's {@link Expansion} right before
 * dispatching (only ENV, ADD, COPY, WORKDIR, EXPOSE, VOLUME, USER, STOPSIGNAL, LABEL and ARG change; FROM is
 * expanded with the meta args through {@link From#expand}).
 */
public sealed interface Instruction {

  int lineNumber();

  String original();

  /** Returns this instruction with variables substituted, or itself when the instruction does not expand. */
  default Instruction expand(Expansion x) {
    return this;
  }

  /** {@code FROM [--platform=p] image [AS name]}; {@code stageName} is lower-cased, empty when unnamed. */
  record From(int lineNumber, String original, String baseName, String stageName, String platform)
      implements Instruction {
    /** Expands image and platform with the meta args (ARGs before the first FROM plus --build-arg overrides). */
    public From expand(ShellLex lex, java.util.Map<String, String> metaArgs) {
      Expansion x = new Expansion(lex, metaArgs);
      String name = x.word(baseName);
      if (name.isEmpty()) {
        throw new DockerfileException("base name (" + baseName + ") should not be blank");
      }
      return new From(lineNumber, original, name, stageName, platform.isEmpty() ? "" : x.word(platform));
    }
  }

  /** {@code RUN}; {@code flagsUsed} are the RUN flags given (--mount, --network, …) which the classic builder rejects. */
  record Run(int lineNumber, String original, CommandLine command, List<String> flagsUsed) implements Instruction {}

  record Cmd(int lineNumber, String original, CommandLine command) implements Instruction {}

  record Entrypoint(int lineNumber, String original, CommandLine command) implements Instruction {}

  record KeyValue(String key, String value) {
    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  record Env(int lineNumber, String original, List<KeyValue> pairs) implements Instruction {
    @Override
    public Env expand(Expansion x) {
      return new Env(lineNumber, original, pairs.stream().map(p -> new KeyValue(x.word(p.key()), x.word(p.value()))).toList());
    }
  }

  /** {@code literal} labels come from {@code --label} build options and are not expanded. */
  record Label(int lineNumber, String original, List<KeyValue> labels, boolean literal) implements Instruction {
    @Override
    public Label expand(Expansion x) {
      return literal ? this : new Label(lineNumber, original,
          labels.stream().map(p -> new KeyValue(x.word(p.key()), x.word(p.value()))).toList(), false);
    }
  }

  /** One {@code name[=default]} of an ARG. */
  record ArgDecl(String key, Optional<String> defaultValue) {
    @Override
    public String toString() {
      return defaultValue.map(v -> key + "=" + v).orElse(key);
    }
  }

  record Arg(int lineNumber, String original, List<ArgDecl> args) implements Instruction {
    @Override
    public Arg expand(Expansion x) {
      return new Arg(lineNumber, original,
          args.stream().map(a -> new ArgDecl(a.key(), a.defaultValue().map(x::word))).toList());
    }
  }

  /** Ports as written, sorted; expansion may split one word into several ({@code EXPOSE $PORTS}). */
  record Expose(int lineNumber, String original, List<String> ports) implements Instruction {
    @Override
    public Expose expand(Expansion x) {
      List<String> out = new ArrayList<>();
      ports.forEach(p -> out.addAll(x.words(p)));
      return new Expose(lineNumber, original, List.copyOf(out));
    }
  }

  record Volume(int lineNumber, String original, List<String> volumes) implements Instruction {
    @Override
    public Volume expand(Expansion x) {
      return new Volume(lineNumber, original, x.each(volumes));
    }
  }

  record User(int lineNumber, String original, String user) implements Instruction {
    @Override
    public User expand(Expansion x) {
      return new User(lineNumber, original, x.word(user));
    }
  }

  record Workdir(int lineNumber, String original, String path) implements Instruction {
    @Override
    public Workdir expand(Expansion x) {
      return new Workdir(lineNumber, original, x.word(path));
    }

    /**
     * The new WorkingDir (moby normalizeWorkdir): an absolute path is kept as written ({@code /app/},
     * {@code /a/../b}), a relative one joins the current one and is cleaned.
     */
    public String resolve(String current) {
      if (path.isEmpty()) {
        throw new DockerfileException("cannot normalize nothing");
      }
      return path.startsWith("/") ? path : GoPath.clean("/" + current + "/" + path);
    }
  }

  /** {@code from} is a stage name, stage index or image; it is not expanded (as in dockerd's classic builder). */
  record Copy(int lineNumber, String original, List<String> sources, String dest, String from, String chown,
      String chmod, boolean link) implements Instruction {
    @Override
    public Copy expand(Expansion x) {
      return new Copy(lineNumber, original, x.each(sources), x.word(dest), from, x.word(chown), x.word(chmod), link);
    }
  }

  record Add(int lineNumber, String original, List<String> sources, String dest, String chown, String chmod,
      boolean link, String checksum, boolean keepGitDir) implements Instruction {
    @Override
    public Add expand(Expansion x) {
      return new Add(lineNumber, original, x.each(sources), x.word(dest), x.word(chown), x.word(chmod), link,
          x.word(checksum), keepGitDir);
    }
  }

  /** {@code expression} is the trigger as stored in the image's OnBuild list; see {@link Dockerfile#parseTrigger}. */
  record Onbuild(int lineNumber, String original, String expression) implements Instruction {}

  record StopSignal(int lineNumber, String original, String signal) implements Instruction {
    @Override
    public StopSignal expand(Expansion x) {
      return new StopSignal(lineNumber, original, x.word(signal));
    }
  }

  /**
   * The image config Healthcheck: {@code test} is {@code ["NONE"]}, {@code ["CMD", args…]} or
   * {@code ["CMD-SHELL", cmd]}; zero durations and retries mean "inherit the default".
   */
  record Health(List<String> test, Duration interval, Duration timeout, Duration startPeriod,
      Duration startInterval, int retries) {}

  record Healthcheck(int lineNumber, String original, Health health) implements Instruction {}

  record Shell(int lineNumber, String original, List<String> shell) implements Instruction {}

  record Maintainer(int lineNumber, String original, String maintainer) implements Instruction {}
}
