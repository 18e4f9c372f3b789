package dev.berth.daemon.build;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.daemon.build.dockerfile.BuildArgs;
import dev.berth.daemon.build.dockerfile.BuiltStages;
import dev.berth.daemon.build.dockerfile.ClassicBuilderSupport;
import dev.berth.daemon.build.dockerfile.Dockerfile;
import dev.berth.daemon.build.dockerfile.Expansion;
import dev.berth.daemon.build.dockerfile.Instruction;
import dev.berth.daemon.build.dockerfile.ShellLex;
import dev.berth.storage.image.Image;
import dev.berth.storage.tar.LayerDiffWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/** Executes one instruction on the current state and returns the new one (moby {@code dispatch}). */
final class StepDispatcher {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final BuildServices s;
  private final BuildOptions o;
  private final BuildContext ctx;
  private final Consumer<String> say;
  private final BuiltStages<Image> built;
  private final CacheSources cacheFrom;
  private final CompletableFuture<?> cancelled;
  private final Function<String, Image> images;

  StepDispatcher(BuildServices s, BuildOptions o, BuildContext ctx, Consumer<String> say,
      BuiltStages<Image> built, CompletableFuture<?> cancelled, Function<String, Image> images) {
    this.cancelled = cancelled;
    this.images = images;
    this.s = s;
    this.o = o;
    this.ctx = ctx;
    this.say = say;
    this.built = built;
    this.cacheFrom = new CacheSources(s.images(), s.committer(), o.noCache() ? List.of() : o.cacheFrom());
  }

  BuildImage dispatch(Instruction i, BuildImage state, BuildArgs args, boolean cmdSet) throws IOException {
    return switch (i) {
      case Instruction.Run r -> run(r, state, args);
      case Instruction.Copy c -> copy("COPY", c.sources(), c.dest(), c.chown(), c.chmod(), c.from(), false, state);
      case Instruction.Add a -> copy("ADD", a.sources(), a.dest(), a.chown(), a.chmod(), "", true, state);
      case Instruction.From f -> throw new IllegalStateException("FROM inside a stage");
      default -> {
        if (i instanceof Instruction.Arg a) {
          a.args().forEach(d -> args.addArg(d.key(), d.defaultValue()));
        }
        BuildImage current = i instanceof Instruction.Maintainer m ? state.withMaintainer(m.maintainer()) : state;
        MetadataStep.Result r = MetadataStep.apply(i, current.runConfig(), cmdSet);
        yield i instanceof Instruction.Workdir
            ? workdir(current, r.config(), MetadataStep.nopCommentString(r.config(), r.comment()))
            : commitEmpty(current, r.config(), MetadataStep.nopComment(r.config(), r.comment()));
      }
    };
  }

  /** Runs the base image's ONBUILD triggers (moby {@code dispatchTriggeredOnBuild}) and clears them. */
  BuildImage onBuildTriggers(BuildImage state, BuildArgs args, ShellLex lex) throws IOException {
    List<String> triggers = state.runConfig().onBuild();
    if (triggers == null || triggers.isEmpty()) {
      return state;
    }
    ContainerConfig.Builder b = state.runConfig().toBuilder();
    b.onBuild = null;
    BuildImage cur = state.withConfig(b.build());
    say.accept("# Executing " + triggers.size() + " build trigger" + (triggers.size() > 1 ? "s" : "") + "\n");
    for (String t : triggers) {
      Instruction raw = Dockerfile.parseTrigger(t);
      ClassicBuilderSupport.check(raw);
      Instruction i = raw.expand(new Expansion(lex, args.expansionEnv(BuildRun.env(cur.runConfig()))));
      cur = dispatch(i, cur, args, false);
    }
    return cur;
  }

  private BuildImage run(Instruction.Run r, BuildImage state, BuildArgs args) throws IOException {
    ContainerConfig cfg = state.runConfig();
    List<String> cmd = r.command().resolve(MetadataStep.shell(cfg.toBuilder()));
    List<String> argEnv = args.filterAllowed(BuildRun.env(cfg));
    String createdBy = (argEnv.isEmpty() ? "" : "|" + argEnv.size() + " " + String.join(" ", argEnv) + " ")
        + String.join(" ", cmd);
    Optional<BuildImage> hit = cached(state, createdBy, cfg);
    if (hit.isPresent()) {
      return hit.get();
    }
    ContainerConfig.Builder rb = cfg.toBuilder();
    rb.cmd = cmd;
    List<String> env = new ArrayList<>(BuildRun.env(cfg));
    env.addAll(argEnv);
    rb.env = env;
    rb.healthcheck = null;
    rb.labels = null;
    String id = s.runs().create(state.id(), rb.build(), o.stepHostConfig());
    String shortId = id.substring(0, 12);
    say.accept(" ---> Running in " + shortId + "\n");
    Image img;
    try {
      long code = s.runs().run(id, say, cancelled);
      if (code != 0) {
        throw new StepFailedException(String.join(" ", cmd), code);
      }
      img = commitContainer(id, state, cfg, createdBy);
    } catch (IOException | RuntimeException e) {
      s.runs().remove(id);
      throw e;
    }
    if (o.remove() || o.forceRemove()) {
      s.runs().remove(id);
      say.accept("Removing intermediate container " + shortId + "\n");
    }
    s.cache().put(BuildCache.key(state.id(), createdBy, cfg), img.id().toString());
    return state.advance(img, cfg);
  }

  private Image commitContainer(String id, BuildImage state, ContainerConfig cfg, String createdBy)
      throws IOException {
    try (InputStream in = new LayerDiffWriter(s.fs()).stream(s.images().upperDir(id),
        LayerDiffWriter.CONTAINER_MOUNT_POINTS, "build-commit-" + id.substring(0, 12))) {
      return s.committer().commitLayer(state.image(), cfg, createdBy, state.maintainer(), in);
    }
  }

  /** {@code COPY --from=<image>}: local, else pulled like a base image (moby {@code getImageMount}). */
  private Image fromImage(String ref) {
    try {
      return images.apply(ref);
    } catch (InvalidParameterException | NotFoundException | SystemException e) {
      throw new InvalidParameterException("invalid from flag value " + ref + ": " + e.getMessage(), e);
    }
  }

  private BuildImage copy(String verb, List<String> sources, String dest, String chown, String chmod, String from,
      boolean extract, BuildImage state) throws IOException {
    ImageTree tree = ImageTree.of(s.images(), state.image());
    CopySource source = CopySource.of(ctx);
    if (from != null && !from.isEmpty()) {
      Optional<Image> stage = built.forCopyFrom(from);
      source = CopySource.of(ImageTree.of(s.images(), stage.isPresent() ? stage.get() : fromImage(from)));
    }
    ContainerConfig cfg = state.runConfig();
    String workdir = cfg.workingDir() == null ? "" : cfg.workingDir();
    Files.createDirectories(s.tmpRoot());
    Path layer = Files.createTempFile(s.tmpRoot(), "layer-", ".tar");
    try {
      CopyStep.Copied copied;
      try (OutputStream lo = Files.newOutputStream(layer)) {
        copied = new CopyStep(verb, source, tree, chown, CopyStep.parseChmod(chmod), extract)
            .downloadsTo(s.tmpRoot().resolve(layer.getFileName() + ".d")).write(sources, dest, workdir, lo);
      }
      String chownComment = chown == null || chown.isEmpty() ? "" : "--chown=" + chown;
      String createdBy = MetadataStep.nopCommentString(cfg, verb + " " + chownComment + copied.hash() + " in "
          + dest + " ");
      return commitTar(state, cfg, createdBy, layer);
    } finally {
      Files.deleteIfExists(layer);
      BuildContext.deleteTree(s.tmpRoot().resolve(layer.getFileName() + ".d"));
    }
  }

  /**
   * WORKDIR (moby {@code dispatchWorkdir}): the directory is created in a layer when the image lacks it, else
   * only the config changes.
   */
  private BuildImage workdir(BuildImage state, ContainerConfig cfg, String createdBy) throws IOException {
    ImageTree tree = ImageTree.of(s.images(), state.image());
    String dir = tree.resolve(cfg.workingDir());
    if (state.image() == null || tree.isDirectory(dir)) {
      return commitEmpty(state, cfg, createdBy);
    }
    Optional<BuildImage> hit = cached(state, createdBy, cfg);
    if (hit.isPresent()) {
      return hit.get();
    }
    String container = announceContainer();
    Files.createDirectories(s.tmpRoot());
    Path layer = Files.createTempFile(s.tmpRoot(), "layer-", ".tar");
    try {
      try (LayerTarBuilder tar = new LayerTarBuilder(Files.newOutputStream(layer), tree)) {
        tar.parents(dir + "/x", LayerTarBuilder.Owner.ROOT);
      }
      BuildImage next = commitLayerFile(state, cfg, createdBy, layer);
      removeAnnounced(container);
      return next;
    } finally {
      Files.deleteIfExists(layer);
    }
  }

  private BuildImage commitTar(BuildImage state, ContainerConfig cfg, String createdBy, Path layer)
      throws IOException {
    Optional<BuildImage> hit = cached(state, createdBy, cfg);
    return hit.isPresent() ? hit.get() : commitLayerFile(state, cfg, createdBy, layer);
  }

  /** Commits the layer tar in {@code layer} after a cache miss. */
  private BuildImage commitLayerFile(BuildImage state, ContainerConfig cfg, String createdBy, Path layer)
      throws IOException {
    Image img;
    try (InputStream in = Files.newInputStream(layer)) {
      img = s.committer().commitLayer(state.image(), cfg, createdBy, state.maintainer(), in);
    }
    s.cache().put(BuildCache.key(state.id(), createdBy, cfg), img.id().toString());
    return state.advance(img, cfg);
  }

  /**
   * A config-only step. dockerd creates and commits a container that never runs; Berth writes the image directly
   * and prints the same "Running in" and "Removing intermediate container" lines (docs/architecture.md).
   */
  private BuildImage commitEmpty(BuildImage state, ContainerConfig cfg, String createdBy) {
    Optional<BuildImage> hit = cached(state, createdBy, cfg);
    if (hit.isPresent()) {
      return hit.get();
    }
    String container = announceContainer();
    Image img = s.committer().commitEmpty(state.image(), cfg, createdBy, state.maintainer());
    s.cache().put(BuildCache.key(state.id(), createdBy, cfg), img.id().toString());
    removeAnnounced(container);
    return state.advance(img, cfg);
  }

  private String announceContainer() {
    String id = HexFormat.of().formatHex(randomBytes(32));
    say.accept(" ---> Running in " + id.substring(0, 12) + "\n");
    return id;
  }

  private void removeAnnounced(String id) {
    if (o.remove() || o.forceRemove()) {
      say.accept("Removing intermediate container " + id.substring(0, 12) + "\n");
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  /** The local cache, then the {@code --cache-from} images; prints "Using cache" on a hit. */
  private Optional<BuildImage> cached(BuildImage state, String createdBy, ContainerConfig cfg) {
    if (o.noCache()) {
      return Optional.empty();
    }
    Optional<Image> img = s.cache().get(BuildCache.key(state.id(), createdBy, cfg), i -> BuildRun.exists(s, i))
        .map(id -> s.images().get(id));
    if (img.isEmpty()) {
      img = cacheFrom.probe(state.image(), createdBy, cfg);
    }
    if (img.isEmpty()) {
      return Optional.empty();
    }
    say.accept(" ---> Using cache\n");
    return Optional.of(state.advance(img.get(), cfg));
  }
}
