package dev.berth.storage.changes;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HealthConfig;
import dev.berth.storage.image.Timestamps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies {@code changes} of import and commit ({@code CMD ["sh"]}, {@code ENV a=b}, …) to a config, as dockerd's
 * {@code BuildFromConfig} does: the changes are Dockerfile lines, only the instructions dockerd accepts are
 * allowed ("run is not a valid change command"), and every error is an {@link InvalidParameterException}.
 */
public final class ChangeParser {
  private static final Set<String> VALID = Set.of("cmd", "entrypoint", "healthcheck", "env", "expose", "label",
      "onbuild", "stopsignal", "user", "volume", "workdir");

  private ChangeParser() {}

  public static ContainerConfig apply(ContainerConfig base, List<String> changes) {
    if (changes == null || changes.isEmpty()) {
      return base;
    }
    List<String[]> instructions = Lines.parse(String.join("\n", changes));
    for (String[] ins : instructions) {
      if (!VALID.contains(ins[0])) {
        throw new InvalidParameterException(ins[0] + " is not a valid change command");
      }
    }
    ContainerConfig.Builder b = base.toBuilder();
    boolean cmdSet = false;
    for (String[] ins : instructions) {
      String rest = ins[1];
      switch (ins[0]) {
        case "cmd" -> {
          b.cmd = commandForm(rest);
          cmdSet = true;
        }
        case "entrypoint" -> {
          b.entrypoint = commandForm(rest);
          if (!cmdSet) {
            b.cmd = null;
          }
        }
        case "env" -> b.env = env(b.env, Words.nameValues("ENV", rest, envOf(b)));
        case "label" -> {
          Map<String, String> labels = b.labels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(b.labels);
          labels.putAll(Words.nameValues("LABEL", rest, envOf(b)));
          b.labels = labels;
        }
        case "expose" -> b.exposedPorts = expose(b.exposedPorts, rest, envOf(b));
        case "user" -> b.user = Words.process(rest.strip(), envOf(b));
        case "volume" -> b.volumes = volumes(b.volumes, rest, envOf(b));
        case "workdir" -> b.workingDir = workdir(b.workingDir, Words.process(rest.strip(), envOf(b)));
        case "stopsignal" -> b.stopSignal = Signals.check(Words.process(rest.strip(), envOf(b)));
        case "onbuild" -> b.onBuild = onBuild(b.onBuild, rest);
        case "healthcheck" -> b.healthcheck = healthcheck(rest);
        default -> throw new IllegalStateException(ins[0]);
      }
    }
    return b.build();
  }

  private static List<String> envOf(ContainerConfig.Builder b) {
    return b.env == null ? List.of() : b.env;
  }

  /** JSON (exec) form as is; shell form through {@code /bin/sh -c}. */
  private static List<String> commandForm(String rest) {
    List<String> json = Words.jsonArray(rest);
    if (json != null) {
      return json;
    }
    return List.of("/bin/sh", "-c", rest.strip());
  }

  private static List<String> env(List<String> current, Map<String, String> updates) {
    List<String> env = current == null ? new ArrayList<>() : new ArrayList<>(current);
    updates.forEach((k, v) -> {
      String entry = k + "=" + v;
      boolean replaced = false;
      for (int i = 0; i < env.size(); i++) {
        String e = env.get(i);
        if (e.equals(k) || e.startsWith(k + "=")) {
          env.set(i, entry);
          replaced = true;
        }
      }
      if (!replaced) {
        env.add(entry);
      }
    });
    return env;
  }

  private static Map<String, Object> expose(Map<String, Object> current, String rest, List<String> env) {
    List<String> words = Words.split(rest);
    if (words.isEmpty()) {
      throw new InvalidParameterException("EXPOSE requires at least one argument");
    }
    Map<String, Object> ports = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
    for (String w : words) {
      for (String p : Ports.expand(Words.process(w, env))) {
        ports.put(p, Map.of());
      }
    }
    return ports;
  }

  private static Map<String, Object> volumes(Map<String, Object> current, String rest, List<String> env) {
    List<String> raw = Words.jsonArray(rest);
    if (raw == null) {
      raw = Words.split(rest);
    }
    if (raw.isEmpty()) {
      throw new InvalidParameterException("VOLUME requires at least one argument");
    }
    Map<String, Object> vols = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
    for (String v : raw) {
      String path = Words.process(v, env).strip();
      if (path.isEmpty()) {
        throw new InvalidParameterException("VOLUME specified can not be an empty string");
      }
      vols.put(path, Map.of());
    }
    return vols;
  }

  private static String workdir(String current, String dir) {
    String joined = dir.startsWith("/") ? dir : "/" + (current == null ? "" : current) + "/" + dir;
    List<String> parts = new ArrayList<>();
    for (String c : joined.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
      } else {
        parts.add(c);
      }
    }
    return "/" + String.join("/", parts);
  }

  private static List<String> onBuild(List<String> current, String rest) {
    String trigger = rest.strip();
    String word = trigger.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    if (word.isEmpty()) {
      throw new InvalidParameterException("ONBUILD requires at least one argument");
    }
    if (word.equals("ONBUILD")) {
      throw new InvalidParameterException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    }
    if (word.equals("FROM") || word.equals("MAINTAINER")) {
      throw new InvalidParameterException(word + " isn't allowed as an ONBUILD trigger");
    }
    List<String> out = current == null ? new ArrayList<>() : new ArrayList<>(current);
    out.add(trigger);
    return out;
  }

  private static HealthConfig healthcheck(String rest) {
    String r = rest.strip();
    if (r.equalsIgnoreCase("NONE")) {
      return new HealthConfig(List.of("NONE"), 0, 0, 0, 0, 0);
    }
    long interval = 0;
    long timeout = 0;
    long startPeriod = 0;
    long startInterval = 0;
    int retries = 0;
    while (r.startsWith("--")) {
      String[] split = r.split("\\s+", 2);
      String flag = split[0];
      r = split.length > 1 ? split[1].strip() : "";
      int eq = flag.indexOf('=');
      if (eq < 0) {
        throw new InvalidParameterException("HEALTHCHECK flag " + flag + " needs a value");
      }
      String name = flag.substring(2, eq);
      String value = flag.substring(eq + 1);
      switch (name) {
        case "interval" -> interval = duration(name, value);
        case "timeout" -> timeout = duration(name, value);
        case "start-period" -> startPeriod = duration(name, value);
        case "start-interval" -> startInterval = duration(name, value);
        case "retries" -> retries = Integer.parseInt(value);
        default -> throw new InvalidParameterException("Unknown flag: " + name);
      }
    }
    String[] split = r.split("\\s+", 2);
    if (!split[0].equalsIgnoreCase("CMD") || split.length < 2) {
      throw new InvalidParameterException("Unknown type \"" + split[0] + "\" in HEALTHCHECK (try CMD)");
    }
    List<String> json = Words.jsonArray(split[1]);
    List<String> test = new ArrayList<>();
    if (json != null) {
      test.add("CMD");
      test.addAll(json);
    } else {
      test.add("CMD-SHELL");
      test.add(split[1].strip());
    }
    return new HealthConfig(test, interval, timeout, startPeriod, startInterval, retries);
  }

  private static long duration(String flag, String value) {
    Long nanos = Timestamps.goDuration(value);
    if (nanos == null) {
      throw new InvalidParameterException("time: invalid duration \"" + value + "\"");
    }
    return nanos;
  }
}
