package dev.berth.storage.changes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Dockerfile line handling: comments, backslash continuations, {@code [instruction-lowercase, rest]}. */
final class Lines {
  private Lines() {}

  static List<String[]> parse(String text) {
    List<String[]> out = new ArrayList<>();
    StringBuilder logical = new StringBuilder();
    for (String raw : text.split("\n", -1)) {
      String line = raw.replace("\r", "");
      if (logical.isEmpty() && line.strip().startsWith("#")) {
        continue;
      }
      String trimmedEnd = line.stripTrailing();
      if (trimmedEnd.endsWith("\\")) {
        logical.append(trimmedEnd, 0, trimmedEnd.length() - 1);
        continue;
      }
      logical.append(line);
      add(out, logical.toString());
      logical.setLength(0);
    }
    add(out, logical.toString());
    return out;
  }

  private static void add(List<String[]> out, String line) {
    String s = line.strip();
    if (s.isEmpty()) {
      return;
    }
    String[] split = s.split("\\s+", 2);
    out.add(new String[] {split[0].toLowerCase(Locale.ROOT), split.length > 1 ? split[1] : ""});
  }
}
