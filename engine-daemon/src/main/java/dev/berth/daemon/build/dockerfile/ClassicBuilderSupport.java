package dev.berth.daemon.build.dockerfile;

/**
 * What dockerd's classic builder refuses when it dispatches a step (not when it parses): any RUN flag fails with
 * "the --X option requires BuildKit…". {@code --link} is accepted and ignored, as dockerd does. {@code --chmod} on
 * COPY/ADD, which dockerd's classic builder refuses too, is applied by Berth (see {@code CopyStep}). Call
 * {@link #check} right before dispatching each instruction.
 */
public final class ClassicBuilderSupport {
  private ClassicBuilderSupport() {}

  public static void check(Instruction instruction) {
    switch (instruction) {
      case Instruction.Run r when !r.flagsUsed().isEmpty() -> throw requiresBuildKit(r.flagsUsed().get(0));
      default -> { }
    }
  }

  static DockerfileException requiresBuildKit(String flag) {
    return new DockerfileException("the --" + flag + " option requires BuildKit. Refer to "
        + "https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled");
  }
}
