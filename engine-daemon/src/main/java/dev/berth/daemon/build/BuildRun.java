package dev.berth.daemon.build;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.daemon.build.dockerfile.BuildArgs;
import dev.berth.daemon.build.dockerfile.BuiltStages;
import dev.berth.daemon.build.dockerfile.ClassicBuilderSupport;
import dev.berth.daemon.build.dockerfile.Dockerfile;
import dev.berth.daemon.build.dockerfile.Expansion;
import dev.berth.daemon.build.dockerfile.Instruction;
import dev.berth.daemon.build.dockerfile.ShellLex;
import dev.berth.daemon.build.dockerfile.Stage;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.image.Image;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** One build: the stage loop of moby's {@code dispatchDockerfileWithCancellation} with its output. */
final class BuildRun {
  private static final String DEFAULT_PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private final BuildServices s;
  private final BuildOptions o;
  private final BuildContext ctx;
  private final Consumer<JsonMessage> out;
  private final BuiltStages<Image> built = new BuiltStages<>();
  private final StepDispatcher steps;
  private final CompletableFuture<?> cancelled;
  private int step;
  private int total;

  BuildRun(BuildServices s, BuildOptions o, BuildContext ctx, Consumer<JsonMessage> out,
      CompletableFuture<?> cancelled) {
    this.s = s;
    this.o = o;
    this.ctx = ctx;
    this.out = out;
    this.cancelled = cancelled;
    this.steps = new StepDispatcher(s, o, ctx, this::say, built, cancelled, this::baseImage);
  }

  String run() throws IOException {
    List<TagSpec> tags = o.tags().stream().map(TagSpec::parse).toList();
    String text = ctx.dockerfile(o.dockerfile());
    ctx.applyIgnoreFile(o.dockerfile());
    Dockerfile df = Dockerfile.parse(text, o.dockerfile());
    if (!df.warnings().isEmpty()) { // moby PrintWarnings: one write through the (red) stderr formatter
      say(RunStep.STDERR_PREFIX + String.join("\n", df.warnings()) + "\n" + RunStep.STDERR_SUFFIX);
    }
    List<Stage> stages = Dockerfile.withBuildLabels(df.stagesFor(o.target()), o.labels());
    total = df.totalSteps(stages);
    ShellLex lex = new ShellLex(df.escapeToken());
    BuildArgs args = new BuildArgs(o.buildArgs());
    for (Instruction.Arg a : df.metaArgs()) {
      stepHeader(a);
      a.expand(new Expansion(lex, args.allowedValues())).args()
          .forEach(d -> args.addMetaArg(d.key(), d.defaultValue()));
    }
    BuildImage state = null;
    for (Stage stage : stages) {
      built.checkNameAvailable(stage.name());
      BuildArgs stageArgs = args.forStage();
      Instruction.From from = stage.from().expand(lex, args.metaValues());
      stepHeader(from);
      state = steps.onBuildTriggers(base(from), stageArgs, lex); // moby initializeStage, then the ID line
      say(" ---> " + state.shortId() + "\n");
      boolean cmdSet = false;
      for (Instruction raw : stage.commands()) {
        stepHeader(raw);
        ClassicBuilderSupport.check(raw);
        Instruction i = raw.expand(new Expansion(lex, stageArgs.expansionEnv(env(state.runConfig()))));
        state = steps.dispatch(i, state, stageArgs, cmdSet);
        cmdSet |= i instanceof Instruction.Cmd;
        say(" ---> " + state.shortId() + "\n");
      }
      args.mergeReferenced(stageArgs);
      built.commit(stage.name(), state.image());
    }
    args.unusedWarning().ifPresent(this::say);
    if (state == null || state.image() == null) {
      throw new InvalidParameterException("No image was generated. Is your Dockerfile empty?");
    }
    String id = state.id();
    out.accept(JsonMessage.aux(Map.of("ID", id)));
    if (o.quiet()) {
      out.accept(JsonMessage.stream(id + "\n"));
    }
    say("Successfully built " + state.shortId() + "\n");
    for (TagSpec t : tags) {
      s.images().tag(id, t.repo(), t.tag());
      say("Successfully tagged " + t + "\n");
    }
    return id;
  }

  private BuildImage base(Instruction.From from) {
    String name = from.baseName();
    Image img;
    if (name.equals("scratch")) {
      img = null;
    } else {
      Optional<Image> stage = built.byName(name);
      img = stage.isPresent() ? stage.get() : baseImage(name);
    }
    ContainerConfig c = img == null || img.config().config() == null ? ContainerConfig.empty()
        : img.config().config();
    ContainerConfig.Builder b = c.toBuilder();
    List<String> env = b.env == null ? new ArrayList<>() : new ArrayList<>(b.env);
    if (env.stream().noneMatch(e -> e.startsWith("PATH="))) {
      env.add(DEFAULT_PATH);
    }
    b.env = env;
    b.image = img == null ? "" : img.id().toString();
    return new BuildImage(img, b.build());
  }

  /**
   * A base image: local, else pulled with the build's credentials for its registry (moby
   * {@code imageSources.Get}); {@code pull=1} pulls first. With {@code platform}, a local image of another
   * platform is refused as dockerd refuses it.
   */
  private Image baseImage(String name) {
    if (o.pull()) {
      pull(name);
      return checkPlatform(name, s.images().get(name));
    }
    try {
      return checkPlatform(name, s.images().get(name));
    } catch (NotFoundException e) {
      pull(name);
      return checkPlatform(name, s.images().get(name));
    }
  }

  private void pull(String name) {
    s.puller().pull(name, o.platform(), BaseImageAuth.forImage(o.authConfigs(), name), out);
  }

  private Image checkPlatform(String name, Image img) {
    if (o.platform().isEmpty() || img.config() == null) {
      return img;
    }
    String[] want = o.platform().split("/");
    String os = img.config().os() == null ? "linux" : img.config().os();
    String arch = img.config().architecture() == null ? "amd64" : img.config().architecture();
    if (!want[0].equals(os) || (want.length > 1 && !want[1].equals(arch))) {
      throw new NotFoundException("image with reference " + name + " was found but does not match the specified "
          + "platform: wanted " + o.platform() + ", actual: " + os + "/" + arch);
    }
    return img;
  }

  private void stepHeader(Instruction i) {
    if (cancelled.isDone()) {
      throw new BuildCancelledException();
    }
    step++;
    say("Step " + step + "/" + total + " : " + i.original() + "\n");
  }

  private void say(String text) {
    if (!o.quiet()) {
      out.accept(JsonMessage.stream(text));
    }
  }

  static List<String> env(ContainerConfig c) {
    return c.env() == null ? List.of() : c.env();
  }

  static boolean exists(BuildServices s, String id) {
    return s.images().imageStore().get(Digest.parse(id)).isPresent();
  }
}
