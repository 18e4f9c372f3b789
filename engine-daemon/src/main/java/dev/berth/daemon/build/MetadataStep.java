package dev.berth.daemon.build;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HealthConfig;
import dev.berth.daemon.build.dockerfile.GoDuration;
import dev.berth.daemon.build.dockerfile.GoQuote;
import dev.berth.daemon.build.dockerfile.Instruction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The instructions that only change the image config (moby's {@code dispatchers.go}): each returns the new run
 * config and the comment dockerd records in the history ({@code /bin/sh -c #(nop)  ENV A=1}).
 */
final class MetadataStep {
  private MetadataStep() {}

  /** The new config and its history comment. */
  record Result(ContainerConfig config, String comment) {}

  /** {@code cmdSet}: whether CMD was given earlier in this stage (ENTRYPOINT then keeps it). */
  static Result apply(Instruction i, ContainerConfig current, boolean cmdSet) {
    ContainerConfig.Builder b = current.toBuilder();
    String comment;
    switch (i) {
      case Instruction.Env e -> {
        List<String> env = b.env == null ? new ArrayList<>() : new ArrayList<>(b.env);
        for (Instruction.KeyValue kv : e.pairs()) {
          env.removeIf(x -> x.split("=", 2)[0].equals(kv.key()));
          env.add(kv.key() + "=" + kv.value());
        }
        b.env = env;
        comment = "ENV " + e.pairs().stream().map(Instruction.KeyValue::toString).collect(Collectors.joining(" "));
      }
      case Instruction.Label l -> {
        Map<String, String> labels = b.labels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(b.labels);
        l.labels().forEach(kv -> labels.put(kv.key(), kv.value()));
        b.labels = labels;
        comment = "LABEL " + l.labels().stream().map(Instruction.KeyValue::toString)
            .collect(Collectors.joining(" "));
      }
      case Instruction.Workdir w -> {
        b.workingDir = w.resolve(b.workingDir == null ? "" : b.workingDir);
        comment = "WORKDIR " + b.workingDir;
      }
      case Instruction.User u -> {
        b.user = u.user();
        comment = "USER " + u.user();
      }
      case Instruction.Expose x -> {
        Map<String, Object> ports = b.exposedPorts == null ? new TreeMap<>() : new TreeMap<>(b.exposedPorts);
        List<String> added = new ArrayList<>();
        for (String p : x.ports()) {
          added.addAll(ports(p));
        }
        added.forEach(p -> ports.put(p, Map.of()));
        b.exposedPorts = ports;
        comment = "EXPOSE " + String.join(" ", x.ports());
      }
      case Instruction.Volume v -> {
        Map<String, Object> vols = b.volumes == null ? new TreeMap<>() : new TreeMap<>(b.volumes);
        for (String p : v.volumes()) {
          if (p.isBlank()) {
            throw new InvalidParameterException("VOLUME specified can not be an empty string");
          }
          vols.put(p, Map.of());
        }
        b.volumes = vols;
        comment = "VOLUME [" + String.join(" ", v.volumes()) + "]";
      }
      case Instruction.Cmd c -> {
        b.cmd = c.command().resolve(shell(b));
        b.argsEscaped = false;
        comment = "CMD " + goSlice(b.cmd);
      }
      case Instruction.Entrypoint e -> {
        b.entrypoint = e.command().args().isEmpty() && !e.command().prependShell() ? null
            : e.command().resolve(shell(b));
        if (!cmdSet) {
          b.cmd = null;
        }
        comment = "ENTRYPOINT " + goSlice(b.entrypoint == null ? List.of() : b.entrypoint);
      }
      case Instruction.StopSignal s -> {
        b.stopSignal = s.signal();
        comment = "STOPSIGNAL " + s.signal();
      }
      case Instruction.Healthcheck h -> {
        Instruction.Health hc = h.health();
        b.healthcheck = new HealthConfig(hc.test(), hc.interval().toNanos(), hc.timeout().toNanos(),
            hc.startPeriod().toNanos(), hc.startInterval().toNanos(), hc.retries());
        comment = "HEALTHCHECK " + goHealthConfig(hc);
      }
      case Instruction.Shell s -> {
        b.shell = s.shell();
        comment = "SHELL [" + String.join(" ", s.shell()) + "]";
      }
      case Instruction.Onbuild o -> {
        List<String> ob = b.onBuild == null ? new ArrayList<>() : new ArrayList<>(b.onBuild);
        ob.add(o.expression());
        b.onBuild = ob;
        comment = "ONBUILD " + o.expression();
      }
      case Instruction.Maintainer m -> comment = "MAINTAINER " + m.maintainer();
      case Instruction.Arg a -> comment = "ARG " + a.args().stream().map(Instruction.ArgDecl::toString)
          .collect(Collectors.joining(" "));
      default -> throw new IllegalArgumentException("not a metadata instruction: " + i.original());
    }
    return new Result(b.build(), comment);
  }

  /**
   * Go's {@code %q} of a {@code *container.HealthConfig}, as dockerd writes it into the history:
   * {@code &{["CMD-SHELL" "true"] "5s" "3s" "0s" "0s" '\x03'}} (durations as strings, retries as a rune).
   */
  static String goHealthConfig(Instruction.Health hc) {
    return "&{" + goSlice(hc.test()) + " " + Stream.of(hc.interval(), hc.timeout(), hc.startPeriod(),
        hc.startInterval()).map(d -> GoQuote.quote(GoDuration.format(d))).collect(Collectors.joining(" "))
        + " " + GoQuote.quoteRune(hc.retries()) + "}";
  }

  /**
   * The history line of a config-only step (moby {@code withCmdComment}): the shell in effect, then
   * {@code #(nop) } and the comment, joined by spaces ({@code /bin/sh -c #(nop)  ENV A=1}).
   */
  static String nopComment(ContainerConfig config, String comment) {
    return String.join(" ", shell(config.toBuilder())) + " #(nop)  " + comment;
  }

  /** The one-argument form WORKDIR, COPY and ADD use (moby {@code withCmdCommentString}): one space fewer. */
  static String nopCommentString(ContainerConfig config, String comment) {
    return String.join(" ", shell(config.toBuilder())) + " #(nop) " + comment;
  }

  static List<String> shell(ContainerConfig.Builder b) {
    return b.shell == null || b.shell.isEmpty() ? List.of("/bin/sh", "-c") : b.shell;
  }

  /** Go's {@code %q} of a string slice: {@code ["cat" "/hello"]}. */
  static String goSlice(List<String> items) {
    return "[" + items.stream().map(GoQuote::quote).collect(Collectors.joining(" ")) + "]";
  }

  /** {@code 80}, {@code 80/udp}, {@code 8000-8002/tcp} as ExposedPorts keys. */
  static List<String> ports(String spec) {
    String[] pp = spec.split("/", 2);
    String proto = pp.length == 2 ? pp[1].toLowerCase() : "tcp";
    String range = pp[0];
    int dash = range.indexOf('-');
    try {
      if (dash < 0) {
        return List.of(Integer.parseInt(range) + "/" + proto);
      }
      int lo = Integer.parseInt(range.substring(0, dash));
      int hi = Integer.parseInt(range.substring(dash + 1));
      List<String> out = new ArrayList<>();
      for (int p = lo; p <= hi; p++) {
        out.add(p + "/" + proto);
      }
      return out;
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid containerPort: " + range);
    }
  }
}
