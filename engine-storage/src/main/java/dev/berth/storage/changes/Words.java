package dev.berth.storage.changes;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Dockerfile word rules used by change instructions: splitting a line into words (quotes kept, as the parser
 * does) and processing one word (quotes removed, escapes and {@code $VAR}/{@code ${VAR}} expanded, as shlex does).
 */
final class Words {
  private Words() {}

  /** Splits on unquoted whitespace; quotes and escapes stay in the words. */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (inWord) {
          out.add(cur.toString());
          cur.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      cur.append(c);
      if (c == '\\' && quote != '\'' && i + 1 < line.length()) {
        cur.append(line.charAt(++i));
      } else if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      }
    }
    if (quote != 0) {
      throw new InvalidParameterException("unexpected end of statement while looking for matching " + quote);
    }
    if (inWord) {
      out.add(cur.toString());
    }
    return out;
  }

  /** Removes quotes, resolves escapes and expands variables from {@code env} (a list of {@code K=V}). */
  static String process(String word, List<String> env) {
    Function<String, String> lookup = name -> {
      String value = null;
      for (String kv : env) {
        int eq = kv.indexOf('=');
        if (eq > 0 && kv.substring(0, eq).equals(name)) {
          value = kv.substring(eq + 1);
        }
      }
      return value;
    };
    return process(word, lookup);
  }

  static String process(String word, Function<String, String> lookup) {
    StringBuilder out = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          out.append(c);
        }
      } else if (c == '\\' && i + 1 < word.length()) {
        char n = word.charAt(i + 1);
        if (quote == '"' && n != '"' && n != '\\' && n != '$') {
          out.append(c);
        } else {
          out.append(n);
          i++;
        }
      } else if (c == '"') {
        quote = quote == '"' ? 0 : '"';
      } else if (c == '\'' && quote == 0) {
        quote = '\'';
      } else if (c == '$') {
        i = expand(word, i, lookup, out);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Expands the variable at {@code word[i] == '$'}; returns the index of its last character. */
  private static int expand(String word, int i, Function<String, String> lookup, StringBuilder out) {
    if (i + 1 < word.length() && word.charAt(i + 1) == '{') {
      int close = word.indexOf('}', i + 2);
      if (close < 0) {
        throw new InvalidParameterException("missing '}' in " + word);
      }
      String inner = word.substring(i + 2, close);
      int op = inner.indexOf(':');
      String name = op < 0 ? inner : inner.substring(0, op);
      String value = lookup.apply(name);
      if (op >= 0 && op + 1 < inner.length()) {
        char kind = inner.charAt(op + 1);
        String alt = process(inner.substring(op + 2), lookup);
        if (kind == '-') {
          value = value == null || value.isEmpty() ? alt : value;
        } else if (kind == '+') {
          value = value == null || value.isEmpty() ? "" : alt;
        } else {
          throw new InvalidParameterException("unsupported modifier (" + kind + ") in substitution");
        }
      }
      out.append(value == null ? "" : value);
      return close;
    }
    int j = i + 1;
    while (j < word.length() && (Character.isLetterOrDigit(word.charAt(j)) || word.charAt(j) == '_')) {
      j++;
    }
    if (j == i + 1) {
      out.append('$');
      return i;
    }
    String value = lookup.apply(word.substring(i + 1, j));
    out.append(value == null ? "" : value);
    return j - 1;
  }

  /** Parses {@code ["a","b"]}; null when the text is not a JSON string array (then it is shell form). */
  static List<String> jsonArray(String text) {
    String t = text.strip();
    if (!t.startsWith("[") || !t.endsWith("]")) {
      return null;
    }
    try {
      String[] arr = dev.berth.storage.json.Json.MAPPER.readValue(t, String[].class);
      for (String s : arr) {
        if (s == null) {
          return null;
        }
      }
      return List.of(arr);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** Name/value pairs of ENV and LABEL: {@code a=b c="d e"} or the legacy {@code key value…}. */
  static Map<String, String> nameValues(String instruction, String rest, List<String> env) {
    List<String> words = split(rest);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (words.isEmpty()) {
      throw new InvalidParameterException(instruction + " requires at least one argument");
    }
    if (!words.get(0).contains("=")) {
      String trimmed = rest.strip();
      int sp = indexOfWhitespace(trimmed);
      if (sp < 0) {
        throw new InvalidParameterException(instruction + " must have two arguments");
      }
      out.put(process(trimmed.substring(0, sp), env), process(trimmed.substring(sp).strip(), env));
      return out;
    }
    for (String w : words) {
      int eq = w.indexOf('=');
      if (eq < 0) {
        throw new InvalidParameterException("Syntax error - can't find = in \"" + w
            + "\". Must be of the form: name=value");
      }
      String key = process(w.substring(0, eq), env);
      if (key.isEmpty()) {
        throw new InvalidParameterException(instruction + " names can not be blank");
      }
      out.put(key, process(w.substring(eq + 1), env));
    }
    return out;
  }

  private static int indexOfWhitespace(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
