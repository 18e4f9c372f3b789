package dev.berth.daemon.build.dockerfile;

import static dev.berth.daemon.build.dockerfile.BuilderFlags.Type.STRING;

import dev.berth.daemon.build.dockerfile.Instruction.Health;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code HEALTHCHECK NONE} and {@code HEALTHCHECK [--interval …] CMD …} (buildkit {@code parseHealthcheck}). */
final class HealthcheckParser {
  private static final Duration MINIMUM = Duration.ofMillis(1);

  private HealthcheckParser() {}

  static Instruction.Healthcheck parse(Node n) {
    if (n.args().isEmpty()) {
      throw InstructionParser.atLeastOne("HEALTHCHECK");
    }
    String type = n.args().get(0).toUpperCase(Locale.ROOT);
    List<String> args = n.args().subList(1, n.args().size());
    if (type.equals("NONE")) {
      if (!args.isEmpty()) {
        throw new DockerfileException("HEALTHCHECK NONE takes no arguments");
      }
      return new Instruction.Healthcheck(n.startLine(), n.original(),
          new Health(List.of("NONE"), Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0));
    }
    BuilderFlags f = InstructionParser.flags(n, Map.of("interval", STRING, "timeout", STRING,
        "start-period", STRING, "start-interval", STRING, "retries", STRING));
    if (!type.equals("CMD")) {
      throw new DockerfileException("Unknown type " + GoQuote.quote(type) + " in HEALTHCHECK (try CMD)");
    }
    List<String> cmd = n.json() || args.isEmpty() ? args : List.of(String.join(" ", args));
    if (cmd.isEmpty()) {
      throw new DockerfileException("Missing command after HEALTHCHECK CMD");
    }
    List<String> test = new ArrayList<>();
    test.add(n.json() ? "CMD" : "CMD-SHELL");
    test.addAll(cmd);
    Duration interval = interval(f, "interval");
    Duration timeout = interval(f, "timeout");
    Duration startPeriod = interval(f, "start-period");
    Duration startInterval = interval(f, "start-interval");
    return new Instruction.Healthcheck(n.startLine(), n.original(),
        new Health(List.copyOf(test), interval, timeout, startPeriod, startInterval, retries(f.string("retries"))));
  }

  private static Duration interval(BuilderFlags f, String name) {
    String s = f.string(name);
    if (s.isEmpty()) {
      return Duration.ZERO;
    }
    Duration d = GoDuration.parse(s);
    if (d.isZero()) {
      return d;
    }
    if (d.compareTo(MINIMUM) < 0) {
      throw new DockerfileException("Interval " + GoQuote.quote(name) + " cannot be less than 1ms");
    }
    return d;
  }

  private static int retries(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    long r;
    try {
      if (!s.matches("[+-]?[0-9]+")) {
        throw new NumberFormatException();
      }
      r = Long.parseLong(s);
      if (r > Integer.MAX_VALUE || r < Integer.MIN_VALUE) {
        throw new DockerfileException("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": value out of range");
      }
    } catch (NumberFormatException e) {
      String why = s.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax";
      throw new DockerfileException("strconv.ParseInt: parsing " + GoQuote.quote(s) + ": " + why);
    }
    if (r < 0) {
      throw new DockerfileException("--retries cannot be negative (" + r + ")");
    }
    return (int) r;
  }
}
