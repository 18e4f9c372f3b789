package dev.berth.daemon.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * berthd's command line in dockerd's (pflag) syntax: {@code --flag value}, {@code --flag=value}, {@code -H value},
 * {@code -Hvalue}, booleans with an optional {@code =true|false}, repeatable list flags. Values are kept as JSON
 * under the daemon.json key so they merge with the file.
 */
public final class CommandLine {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private final Map<ConfigOption, JsonNode> values;
  private final String configFile;
  private final boolean validateOnly;
  private final boolean versionOnly;
  private final boolean helpOnly;

  private CommandLine(Map<ConfigOption, JsonNode> values, String configFile, boolean validateOnly,
      boolean versionOnly, boolean helpOnly) {
    this.values = values;
    this.configFile = configFile;
    this.validateOnly = validateOnly;
    this.versionOnly = versionOnly;
    this.helpOnly = helpOnly;
  }

  public Map<ConfigOption, JsonNode> values() {
    return values;
  }

  /** The {@code --config-file} value, or null when not given. */
  public String configFile() {
    return configFile;
  }

  public boolean validateOnly() {
    return validateOnly;
  }

  public boolean versionOnly() {
    return versionOnly;
  }

  public boolean helpOnly() {
    return helpOnly;
  }

  public static CommandLine parse(List<String> args) {
    Map<ConfigOption, JsonNode> values = new LinkedHashMap<>();
    String configFile = null;
    boolean validate = false;
    boolean version = false;
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        if (i + 1 < args.size()) {
          throw new ConfigException("berthd takes no positional arguments: " + args.get(i + 1));
        }
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        throw new ConfigException("berthd takes no positional arguments: " + arg);
      }
      boolean isShort = !arg.startsWith("--");
      String body = arg.substring(isShort ? 1 : 2);
      String name;
      String inline = null;
      int eq = body.indexOf('=');
      if (!isShort && eq >= 0) {
        name = body.substring(0, eq);
        inline = body.substring(eq + 1);
      } else if (isShort && body.length() > 1) {
        name = body.substring(0, 1);
        inline = body.charAt(1) == '=' ? body.substring(2) : body.substring(1);
      } else {
        name = body;
      }
      switch (name) {
        case "config-file" -> {
          configFile = inline != null ? inline : next(args, ++i, arg);
          continue;
        }
        case "validate" -> {
          validate = inline == null || Boolean.parseBoolean(inline);
          continue;
        }
        case "version", "v" -> {
          version = true;
          continue;
        }
        case "help", "h" -> {
          help = true;
          continue;
        }
        default -> { }
      }
      ConfigOption opt = ConfigOption.byFlag(name, isShort)
          .orElseThrow(() -> new ConfigException("unknown flag: " + arg));
      String flagName = (isShort ? "-" : "--") + name;
      if (opt.kind() == ConfigOption.Kind.BOOL) {
        values.put(opt, F.booleanNode(inline == null || parseBool(flagName, inline)));
        continue;
      }
      String value = inline != null ? inline : next(args, ++i, arg);
      put(values, opt, value, flagName);
    }
    return new CommandLine(values, configFile, validate, version, help);
  }

  private static void put(Map<ConfigOption, JsonNode> values, ConfigOption opt, String value, String flag) {
    switch (opt.kind()) {
      case STRING -> values.put(opt, F.textNode(value));
      case INT -> {
        try {
          values.put(opt, F.numberNode(Integer.parseInt(value)));
        } catch (NumberFormatException e) {
          throw new ConfigException("invalid argument \"" + value + "\" for \"" + flag + "\" flag: "
              + "strconv.ParseInt: parsing \"" + value + "\": invalid syntax");
        }
      }
      case LIST -> ((ArrayNode) values.computeIfAbsent(opt, o -> F.arrayNode())).add(value);
      case OBJECT_LIST -> ((ArrayNode) values.computeIfAbsent(opt, o -> F.arrayNode())).add(keyValues(value));
      case OBJECT -> {
        ObjectNode obj = (ObjectNode) values.computeIfAbsent(opt, o -> F.objectNode());
        int eq = value.indexOf('=');
        if (eq <= 0) {
          throw new ConfigException("invalid argument \"" + value + "\" for \"" + flag + "\" flag: "
              + "expected key=value");
        }
        String k = value.substring(0, eq);
        String v = value.substring(eq + 1);
        switch (opt) {
          case RUNTIMES -> obj.set(k, F.objectNode().put("path", v));
          case DEFAULT_ULIMITS -> obj.set(k, ulimit(k, v, flag));
          default -> obj.put(k, v);
        }
      }
      case BOOL -> throw new IllegalStateException("handled above");
    }
  }

  private static ObjectNode keyValues(String csv) {
    ObjectNode o = F.objectNode();
    for (String part : csv.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException("invalid address pool: " + csv);
      }
      String k = part.substring(0, eq);
      String v = part.substring(eq + 1);
      if (k.equals("size")) {
        try {
          o.put(k, Integer.parseInt(v));
        } catch (NumberFormatException e) {
          throw new ConfigException("invalid address pool: " + csv + ": size must be a number");
        }
      } else {
        o.put(k, v);
      }
    }
    return o;
  }

  private static ObjectNode ulimit(String name, String spec, String flag) {
    String[] parts = spec.split(":", 2);
    try {
      long soft = Long.parseLong(parts[0]);
      long hard = parts.length > 1 ? Long.parseLong(parts[1]) : soft;
      return F.objectNode().put("Name", name).put("Soft", soft).put("Hard", hard);
    } catch (NumberFormatException e) {
      throw new ConfigException("invalid argument \"" + name + "=" + spec + "\" for \"" + flag + "\" flag");
    }
  }

  private static boolean parseBool(String flag, String v) {
    return switch (v.toLowerCase()) {
      case "true", "1", "t" -> true;
      case "false", "0", "f" -> false;
      default -> throw new ConfigException(
          "invalid argument \"" + v + "\" for \"" + flag + "\" flag: strconv.ParseBool: parsing \"" + v
              + "\": invalid syntax");
    };
  }

  private static String next(List<String> args, int i, String flag) {
    if (i >= args.size()) {
      throw new ConfigException("flag needs an argument: " + flag);
    }
    return args.get(i);
  }
}
