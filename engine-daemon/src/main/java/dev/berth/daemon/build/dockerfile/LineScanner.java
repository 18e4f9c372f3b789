package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First pass of the parser (buildkit {@code parser.Parse}): reads parser directives, drops comments and blank
 * lines, joins continuation lines (skipping comment and empty lines inside a continuation, the latter with dockerd's
 * warning) and numbers every logical line by the physical line it starts and ends on.
 */
final class LineScanner {
  private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");

  /** One instruction's text after continuation lines were joined. */
  record LogicalLine(int startLine, int endLine, String text) {}

  record Result(char escapeToken, Optional<String> syntax, List<LogicalLine> lines, List<String> warnings) {}

  private char escape = '\\';
  private Pattern continuation = continuationFor('\\');
  private boolean directivesDone;
  private final Set<String> seen = new HashSet<>();
  private String syntax;

  static Result scan(String content) {
    return new LineScanner().run(content);
  }

  private Result run(String content) {
    List<String> physical = splitLines(content);
    List<LogicalLine> lines = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int current = 0;
    while (current < physical.size()) {
      String raw = physical.get(current);
      if (current == 0 && raw.startsWith("\uFEFF")) {
        raw = raw.substring(1);
      }
      String token = process(stripLeading(raw));
      current++;
      int start = current;
      boolean end = !continuation.matcher(token).find();
      String line = end ? token : continuation.matcher(token).replaceFirst("");
      if (end && line.isEmpty()) {
        continue;
      }
      StringBuilder joined = new StringBuilder(line);
      boolean emptyContinuation = false;
      while (!end && current < physical.size()) {
        String next = physical.get(current);
        String processed = process(next);
        current++;
        if (stripLeading(next).startsWith("#")) {
          continue;
        }
        if (stripLeading(processed).isEmpty()) {
          emptyContinuation = true;
          continue;
        }
        end = !continuation.matcher(processed).find();
        joined.append(end ? processed : continuation.matcher(processed).replaceFirst(""));
      }
      if (emptyContinuation) {
        warnings.add("[WARNING]: Empty continuation line found in:\n    " + joined);
      }
      lines.add(new LogicalLine(start, current, joined.toString()));
    }
    if (!warnings.isEmpty()) {
      warnings.add("[WARNING]: Empty continuation lines will become errors in a future release.");
    }
    if (lines.isEmpty()) {
      throw new DockerfileException("file with no instructions");
    }
    return new Result(escape, Optional.ofNullable(syntax), List.copyOf(lines), List.copyOf(warnings));
  }

  private String process(String token) {
    possibleDirective(token);
    return token.startsWith("#") ? "" : token;
  }

  private void possibleDirective(String line) {
    if (directivesDone) {
      return;
    }
    Matcher m = DIRECTIVE.matcher(line);
    if (!m.matches()) {
      directivesDone = true;
      return;
    }
    String key = m.group(1).toLowerCase(java.util.Locale.ROOT);
    if (!key.equals("escape") && !key.equals("syntax")) {
      directivesDone = true;
      return;
    }
    if (!seen.add(key)) {
      throw new DockerfileException("only one " + key + " parser directive can be used");
    }
    if (key.equals("escape")) {
      String value = m.group(2);
      if (!value.equals("`") && !value.equals("\\")) {
        throw new DockerfileException("invalid escape token '" + value + "' does not match ` or \\");
      }
      escape = value.charAt(0);
      continuation = continuationFor(escape);
    } else {
      syntax = m.group(2);
    }
  }

  private static Pattern continuationFor(char escape) {
    return Pattern.compile(Pattern.quote(String.valueOf(escape)) + "[ \\t]*$");
  }

  static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  private static List<String> splitLines(String content) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (from < content.length()) {
      int nl = content.indexOf('\n', from);
      int to = nl < 0 ? content.length() : nl;
      String line = content.substring(from, to);
      while (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      out.add(line);
      from = nl < 0 ? content.length() : nl + 1;
    }
    return out;
  }
}
