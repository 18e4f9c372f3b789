package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Whitespace word splitting that respects quotes and the escape token but keeps both in the words (buildkit
 * {@code parseWords}); used for ENV/LABEL pairs and ARG. Quotes are removed later, by {@link ShellLex}.
 */
final class Words {
  private Words() {}

  private enum Phase { SPACES, WORD, QUOTE }

  static List<String> split(String rest, char escape) {
    List<String> words = new ArrayList<>();
    Phase phase = Phase.SPACES;
    StringBuilder word = new StringBuilder();
    int quote = 0;
    boolean blankOk = false;
    int[] cps = rest.codePoints().toArray();
    for (int pos = 0; pos <= cps.length; pos++) {
      int ch = pos < cps.length ? cps[pos] : 0;
      if (phase == Phase.SPACES) {
        if (pos == cps.length) {
          break;
        }
        if (Character.isWhitespace(ch)) {
          continue;
        }
        phase = Phase.WORD;
      }
      if (pos == cps.length) {
        if (blankOk || !word.isEmpty()) {
          words.add(word.toString());
        }
        break;
      }
      if (phase == Phase.WORD) {
        if (Character.isWhitespace(ch)) {
          phase = Phase.SPACES;
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
        }
        if (ch == escape) {
          if (pos + 1 == cps.length) {
            continue;
          }
          word.appendCodePoint(ch);
          ch = cps[++pos];
        }
        word.appendCodePoint(ch);
        continue;
      }
      if (ch == quote) {
        phase = Phase.WORD;
      }
      if (ch == escape && quote != '\'') {
        if (pos + 1 == cps.length) {
          phase = Phase.WORD;
          continue;
        }
        word.appendCodePoint(ch);
        ch = cps[++pos];
      }
      word.appendCodePoint(ch);
    }
    return List.copyOf(words);
  }
}
