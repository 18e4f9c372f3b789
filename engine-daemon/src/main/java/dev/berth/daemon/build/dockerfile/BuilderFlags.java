package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses an instruction's {@code --flag[=value]} words against the flags that instruction declares (buildkit
 * {@code BFlags}), with dockerd's messages for unknown, duplicate, valueless and non-boolean flags.
 */
final class BuilderFlags {
  enum Type { BOOL, STRING, STRINGS }

  private final Map<String, Type> declared;
  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private BuilderFlags(Map<String, Type> declared) {
    this.declared = declared;
  }

  static BuilderFlags parse(List<String> args, Map<String, Type> declared) {
    BuilderFlags f = new BuilderFlags(declared);
    f.run(args);
    return f;
  }

  private void run(List<String> args) {
    for (String raw : args) {
      if (!raw.startsWith("--")) {
        throw new DockerfileException("arg should start with -- : " + raw);
      }
      if (raw.equals("--")) {
        return;
      }
      String arg = raw.substring(2);
      int eq = arg.indexOf('=');
      String value = eq >= 0 ? arg.substring(eq + 1) : "";
      if (eq >= 0) {
        arg = arg.substring(0, eq);
      }
      Type type = declared.get(arg);
      if (type == null) {
        throw new DockerfileException("unknown flag: " + arg + Suggest.suffix(arg, declared.keySet(), true));
      }
      if (values.containsKey(arg) && type != Type.STRINGS) {
        throw new DockerfileException("duplicate flag specified: " + arg);
      }
      List<String> slot = values.computeIfAbsent(arg, k -> new ArrayList<>());
      switch (type) {
        case BOOL -> {
          if (eq >= 0 && value.isEmpty()) {
            throw new DockerfileException("missing a value on flag: " + arg);
          }
          switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "" -> slot.add("true");
            case "false" -> slot.add("false");
            default -> throw new DockerfileException("expecting boolean value for flag " + arg + ", not: " + value);
          }
        }
        case STRING, STRINGS -> {
          if (eq < 0) {
            throw new DockerfileException("missing a value on flag: " + arg);
          }
          slot.add(value);
        }
      }
    }
  }

  String string(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? "" : v.get(v.size() - 1);
  }

  boolean bool(String name) {
    return string(name).equals("true");
  }

  /** The flags given, in order of first use. */
  List<String> used() {
    return List.copyOf(values.keySet());
  }
}
