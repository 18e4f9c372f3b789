package dev.berth.daemon.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.daemon.http.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code daemon.json}, rejects unknown keys and settings given both as a flag and in the file (with
 * dockerd's messages), overlays flags on file on defaults, and validates the result.
 */
public final class ConfigLoader {
  public static final String DEFAULT_CONFIG_FILE = "/etc/berth/daemon.json";
  private static final Set<String> LOG_LEVELS = Set.of("debug", "info", "warn", "error", "fatal", "trace");
  private static final ObjectMapper MAPPER = Json.MAPPER;

  private ConfigLoader() {}

  public static DaemonConfig load(CommandLine cli) {
    String file = cli.configFile() != null ? cli.configFile() : DEFAULT_CONFIG_FILE;
    ObjectNode fromFile = readFile(Path.of(file), cli.configFile() != null);
    checkKeys(fromFile, file);
    checkConflicts(cli.values(), fromFile, file);
    ObjectNode merged = DaemonConfig.defaultsTree();
    merged.setAll(fromFile);
    cli.values().forEach((opt, v) -> merged.set(opt.key(), v));
    DaemonConfig cfg;
    try {
      cfg = MAPPER.treeToValue(merged, DaemonConfig.class);
    } catch (JsonProcessingException e) {
      throw new ConfigException("unable to configure the Docker daemon with file " + file + ": "
          + e.getOriginalMessage(), e);
    }
    validate(cfg);
    return cfg;
  }

  private static ObjectNode readFile(Path file, boolean explicit) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      if (new String(bytes).isBlank()) {
        return MAPPER.createObjectNode();
      }
      JsonNode n = MAPPER.readTree(bytes);
      if (!(n instanceof ObjectNode o)) {
        throw new ConfigException("unable to configure the Docker daemon with file " + file
            + ": the configuration file is not a JSON object");
      }
      return o;
    } catch (NoSuchFileException e) {
      if (explicit) {
        throw new ConfigException("unable to configure the Docker daemon with file " + file
            + ": open " + file + ": no such file or directory");
      }
      return MAPPER.createObjectNode();
    } catch (JsonProcessingException e) {
      throw new ConfigException("unable to configure the Docker daemon with file " + file + ": "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("unable to configure the Docker daemon with file " + file + ": " + e, e);
    }
  }

  private static void checkKeys(ObjectNode fromFile, String file) {
    Set<String> unknown = new TreeSet<>();
    for (Iterator<String> it = fromFile.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (ConfigOption.byKey(k).isEmpty()) {
        unknown.add(k);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ConfigException("unable to configure the Docker daemon with file " + file
          + ": the following directives don't match any configuration option: " + String.join(", ", unknown));
    }
  }

  private static void checkConflicts(Map<ConfigOption, JsonNode> flags, ObjectNode fromFile, String file) {
    List<String> conflicts = new ArrayList<>();
    flags.forEach((opt, v) -> {
      if (fromFile.has(opt.key())) {
        conflicts.add(opt.key() + ": (from flag: " + show(v) + ", from file: " + show(fromFile.get(opt.key()))
            + ")");
      }
    });
    if (!conflicts.isEmpty()) {
      throw new ConfigException("unable to configure the Docker daemon with file " + file
          + ": the following directives are specified both as a flag and in the configuration file: "
          + String.join(", ", conflicts));
    }
  }

  private static String show(JsonNode v) {
    if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.forEach(x -> items.add(x.isTextual() ? x.asText() : x.toString()));
      return "[" + String.join(" ", items) + "]";
    }
    return v.isTextual() ? v.asText() : v.toString();
  }

  private static void validate(DaemonConfig c) {
    if (c.logLevel() == null || !LOG_LEVELS.contains(c.logLevel())) {
      throw new ConfigException("unable to parse logging level: " + c.logLevel());
    }
    for (String h : c.effectiveHosts()) {
      HostAddress.parse(h);
    }
    if (c.maxConcurrentDownloads() < 1 || c.maxConcurrentUploads() < 1) {
      throw new ConfigException("invalid max concurrent downloads/uploads: must be positive");
    }
    if (c.shutdownTimeout() < 0) {
      throw new ConfigException("invalid shutdown-timeout: must be >= 0");
    }
    if (c.dataRoot() == null || !c.dataRoot().startsWith("/")) {
      throw new ConfigException("data-root must be an absolute path: " + c.dataRoot());
    }
    if (c.execRoot() == null || !c.execRoot().startsWith("/")) {
      throw new ConfigException("exec-root must be an absolute path: " + c.execRoot());
    }
  }
}
