package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes the leading {@code --flag[=value]} words off an instruction's arguments (buildkit
 * {@code extractBuilderFlags}): quotes are removed from flags, a backslash escapes the next character, a bare
 * {@code --} ends the flags. Returns the rest of the line from the first word that is not a flag.
 */
final class BuilderFlagSplitter {
  private BuilderFlagSplitter() {}

  record Split(List<String> flags, String rest) {}

  private enum Phase { SPACES, WORD, QUOTE }

  static Split split(String line) {
    List<String> words = new ArrayList<>();
    Phase phase = Phase.SPACES;
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean blankOk = false;
    for (int pos = 0; pos <= line.length(); pos++) {
      char ch = pos < line.length() ? line.charAt(pos) : 0;
      if (phase == Phase.SPACES) {
        if (pos == line.length()) {
          break;
        }
        if (Character.isWhitespace(ch)) {
          continue;
        }
        if (ch != '-' || pos + 1 == line.length() || line.charAt(pos + 1) != '-') {
          return new Split(List.copyOf(words), line.substring(pos));
        }
        phase = Phase.WORD;
      }
      if (pos == line.length()) {
        if (!word.toString().equals("--") && (blankOk || !word.isEmpty())) {
          words.add(word.toString());
        }
        break;
      }
      if (phase == Phase.WORD) {
        if (Character.isWhitespace(ch)) {
          phase = Phase.SPACES;
          if (word.toString().equals("--")) {
            return new Split(List.copyOf(words), line.substring(pos));
          }
          if (blankOk || !word.isEmpty()) {
            words.add(word.toString());
          }
          word = new StringBuilder();
          blankOk = false;
          continue;
        }
        if (ch == '\'' || ch == '"') {
          quote = ch;
          blankOk = true;
          phase = Phase.QUOTE;
          continue;
        }
        if (ch == '\\') {
          if (pos + 1 == line.length()) {
            continue;
          }
          ch = line.charAt(++pos);
        }
        word.append(ch);
        continue;
      }
      if (ch == quote) {
        phase = Phase.WORD;
        continue;
      }
      if (ch == '\\') {
        if (pos + 1 == line.length()) {
          phase = Phase.WORD;
          continue;
        }
        ch = line.charAt(++pos);
      }
      word.append(ch);
    }
    return new Split(List.copyOf(words), "");
  }
}
