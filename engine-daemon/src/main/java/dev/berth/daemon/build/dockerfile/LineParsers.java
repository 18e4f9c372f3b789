package dev.berth.daemon.build.dockerfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Splits a logical line into a {@link Node} with the argument rules of each instruction (buildkit
 * {@code line_parsers.go}): JSON-or-shell for RUN/CMD/ENTRYPOINT/SHELL, JSON-or-whitespace list for
 * COPY/ADD/VOLUME, {@code name=value} pairs for ENV/LABEL, words for ARG, the raw rest for USER/WORKDIR/….
 */
final class LineParsers {
  static final String NOT_STRING_ARRAY = "when using JSON array syntax, arrays must be comprised of strings only";
  private static final Pattern WHITESPACE = Pattern.compile("[\\t\\u000B\\f\\r ]+");
  private static final ObjectMapper JSON = new ObjectMapper();

  private LineParsers() {}

  /** A line's arguments and whether they came from a JSON array. */
  record Args(List<String> args, boolean json) {
    static final Args NONE = new Args(List.of(), false);
  }

  static Node parse(String line, char escape, int startLine, int endLine) {
    String trimmed = line.strip();
    String[] parts = WHITESPACE.split(trimmed, 2);
    String cmd = parts[0];
    List<String> flags = List.of();
    String rest = "";
    if (parts.length == 2) {
      BuilderFlagSplitter.Split split = BuilderFlagSplitter.split(parts[1]);
      flags = split.flags();
      rest = split.rest();
    }
    Args args = argsFor(cmd.toLowerCase(java.util.Locale.ROOT), rest, escape);
    return new Node(cmd, flags, args.args(), args.json(), trimmed, startLine, endLine);
  }

  private static Args argsFor(String cmd, String rest, char escape) {
    return switch (cmd) {
      case "add", "copy", "volume" -> maybeJsonToList(rest);
      case "run", "cmd", "entrypoint", "shell" -> maybeJson(rest);
      case "env" -> nameVal(rest, "ENV", escape);
      case "label" -> nameVal(rest, "LABEL", escape);
      case "arg" -> new Args(Words.split(rest, escape), false);
      case "expose", "from" -> whitespaceDelimited(rest);
      case "maintainer", "stopsignal", "user", "workdir" -> rest.isEmpty() ? Args.NONE : new Args(List.of(rest), false);
      case "healthcheck" -> healthConfig(rest);
      case "onbuild" -> subCommand(rest, escape);
      default -> Args.NONE;
    };
  }

  private static Args whitespaceDelimited(String rest) {
    if (rest.isEmpty()) {
      return Args.NONE;
    }
    return new Args(Arrays.asList(WHITESPACE.split(rest, -1)), false);
  }

  static Args maybeJson(String rest) {
    if (rest.isEmpty()) {
      return Args.NONE;
    }
    Optional<List<String>> json = json(rest);
    return json.map(a -> new Args(a, true)).orElseGet(() -> new Args(List.of(rest), false));
  }

  private static Args maybeJsonToList(String rest) {
    Optional<List<String>> json = json(rest);
    return json.map(a -> new Args(a, true)).orElseGet(() -> whitespaceDelimited(rest));
  }

  /** A JSON array of strings at the start of {@code rest}; trailing text is ignored as Go's json.Decoder does. */
  private static Optional<List<String>> json(String rest) {
    String s = LineScanner.stripLeading(rest);
    if (!s.startsWith("[")) {
      return Optional.empty();
    }
    JsonNode tree;
    try (JsonParser p = JSON.getFactory().createParser(s)) {
      tree = JSON.readTree(p);
    } catch (IOException e) {
      return Optional.empty();
    }
    if (tree == null || !tree.isArray()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : tree) {
      if (!n.isTextual()) {
        throw new DockerfileException(NOT_STRING_ARRAY);
      }
      out.add(n.textValue());
    }
    return Optional.of(List.copyOf(out));
  }

  /** ENV and LABEL: legacy {@code KEY name value} when the first word has no '=', else {@code k=v k2=v2}. */
  private static Args nameVal(String rest, String key, char escape) {
    List<String> words = Words.split(rest, escape);
    if (words.isEmpty()) {
      return Args.NONE;
    }
    if (!words.get(0).contains("=")) {
      String[] parts = WHITESPACE.split(rest, 2);
      if (parts.length < 2) {
        throw new DockerfileException(key + " must have two arguments");
      }
      return new Args(List.of(parts[0], parts[1]), false);
    }
    List<String> out = new ArrayList<>();
    for (String word : words) {
      int eq = word.indexOf('=');
      if (eq < 0) {
        throw new DockerfileException("Syntax error - can't find = in " + GoQuote.quote(word)
            + ". Must be of the form: name=value");
      }
      out.add(word.substring(0, eq));
      out.add(word.substring(eq + 1));
    }
    return new Args(List.copyOf(out), false);
  }

  /** HEALTHCHECK: the type word, then the command in JSON or shell form. */
  private static Args healthConfig(String rest) {
    int sep = 0;
    while (sep < rest.length() && !Character.isWhitespace(rest.charAt(sep))) {
      sep++;
    }
    if (sep == 0) {
      return Args.NONE;
    }
    int next = sep;
    while (next < rest.length() && Character.isWhitespace(rest.charAt(next))) {
      next++;
    }
    Args cmd = maybeJson(rest.substring(next));
    List<String> out = new ArrayList<>();
    out.add(rest.substring(0, sep));
    out.addAll(cmd.args());
    return new Args(List.copyOf(out), cmd.json());
  }

  /** ONBUILD: the nested instruction's command word followed by its own arguments. */
  private static Args subCommand(String rest, char escape) {
    if (rest.isEmpty()) {
      return Args.NONE;
    }
    Node child = parse(rest, escape, 0, 0);
    List<String> out = new ArrayList<>();
    out.add(child.command());
    out.addAll(child.args());
    return new Args(List.copyOf(out), child.json());
  }
}
