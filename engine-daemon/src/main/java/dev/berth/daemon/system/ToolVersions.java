package dev.berth.daemon.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions of helper binaries (runc, conmon, tini), asked once with {@code --version} and cached. */
public final class ToolVersions {
  private static final Pattern VERSION = Pattern.compile("version\\s+v?([0-9][^\\s,]*)");
  private static final Pattern COMMIT = Pattern.compile("(?:commit:?\\s+|git\\.)([0-9a-zA-Z.\\-+]+)");

  /** What a binary says about itself; empty strings when it is missing. */
  public record Tool(String version, String commit) {}

  private final Map<String, Tool> cache = new ConcurrentHashMap<>();

  public Tool of(String binary) {
    return cache.computeIfAbsent(binary, ToolVersions::probe);
  }

  private static Tool probe(String binary) {
    try {
      Process p = new ProcessBuilder(List.of(binary, "--version")).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      Matcher v = VERSION.matcher(out);
      Matcher c = COMMIT.matcher(out);
      return new Tool(v.find() ? v.group(1) : "", c.find() ? c.group(1) : "");
    } catch (IOException e) {
      return new Tool("", "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Tool("", "");
    }
  }
}
