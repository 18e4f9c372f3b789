package dev.berth.daemon.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One pass of {@link ShellLex} over one source string (buildkit {@code shellWord}). */
final class ShellWord {
  private static final int EOF = -1;

  record Result(String word, List<String> words) {}

  private final int[] cps;
  private final Map<String, String> env;
  private final int escapeToken;
  private int pos;
  private boolean rawEscapes;

  ShellWord(String source, Map<String, String> env, int escapeToken) {
    this.cps = source.codePoints().toArray();
    this.env = env;
    this.escapeToken = escapeToken;
  }

  Result process() {
    return processStopOn(EOF, false);
  }

  private int peek() {
    return pos < cps.length ? cps[pos] : EOF;
  }

  private int next() {
    return pos < cps.length ? cps[pos++] : EOF;
  }

  private Result processStopOn(int stopChar, boolean raw) {
    boolean saved = rawEscapes;
    rawEscapes = raw;
    try {
      return scanUntil(stopChar);
    } finally {
      rawEscapes = saved;
    }
  }

  private Result scanUntil(int stopChar) {
    StringBuilder result = new StringBuilder();
    Words words = new Words();
    while (peek() != EOF) {
      int ch = peek();
      if (stopChar != EOF && ch == stopChar) {
        next();
        return new Result(result.toString(), words.get());
      }
      if (ch == '\'' || ch == '"' || ch == '$') {
        String tmp = ch == '\'' ? singleQuoted() : ch == '"' ? doubleQuoted() : dollar();
        result.append(tmp);
        if (ch == '$') {
          words.addString(tmp);
        } else {
          words.addRawString(tmp);
        }
        continue;
      }
      ch = next();
      if (ch == escapeToken) {
        if (rawEscapes) {
          words.addRawChar(ch);
          result.appendCodePoint(ch);
        }
        ch = next();
        if (ch == EOF) {
          break;
        }
        words.addRawChar(ch);
      } else {
        words.addChar(ch);
      }
      result.appendCodePoint(ch);
    }
    if (stopChar != EOF) {
      throw new DockerfileException("unexpected end of statement while looking for matching "
          + Character.toString(stopChar));
    }
    return new Result(result.toString(), words.get());
  }

  private String singleQuoted() {
    StringBuilder result = new StringBuilder();
    next();
    while (true) {
      int ch = next();
      if (ch == EOF) {
        throw new DockerfileException("unexpected end of statement while looking for matching single-quote");
      }
      if (ch == '\'') {
        return result.toString();
      }
      result.appendCodePoint(ch);
    }
  }

  private String doubleQuoted() {
    StringBuilder result = new StringBuilder();
    next();
    while (true) {
      int p = peek();
      if (p == EOF) {
        throw new DockerfileException("unexpected end of statement while looking for matching double-quote");
      } else if (p == '"') {
        next();
        return result.toString();
      } else if (p == '$') {
        result.append(dollar());
      } else {
        int ch = next();
        if (ch == escapeToken) {
          if (rawEscapes) {
            result.appendCodePoint(ch);
          }
          int after = peek();
          if (after == EOF) {
            continue;
          }
          if (after == '"' || after == '$' || after == escapeToken) {
            ch = next();
          }
        }
        result.appendCodePoint(ch);
      }
    }
  }

  private String dollar() {
    next();
    if (peek() != '{') {
      String name = name();
      return name.isEmpty() ? "$" : env.getOrDefault(name, "");
    }
    next();
    int p = peek();
    if (p == EOF) {
      throw new DockerfileException("syntax error: missing '}'");
    }
    if (p == '{' || p == '}' || p == ':') {
      throw new DockerfileException("syntax error: bad substitution");
    }
    String name = name();
    int ch = next();
    String chs = runeString(ch);
    boolean nullIsUnset = false;
    switch (ch) {
      case '}':
        return env.getOrDefault(name, "");
      case '/':
        return replace(name);
      case ':':
        nullIsUnset = true;
        ch = next();
        chs += runeString(ch);
        break;
      case '+', '-', '?', '#', '%':
        break;
      default:
        throw unsupported(chs);
    }
    String word = wordUntilBrace(ch == '#' || ch == '%');
    String value = env.get(name);
    boolean set = value != null;
    boolean empty = !set || (nullIsUnset && value.isEmpty());
    return switch (ch) {
      case '-' -> empty ? word : value;
      case '+' -> empty ? "" : word;
      case '?' -> {
        if (!set) {
          throw new DockerfileException(name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
        }
        if (nullIsUnset && value.isEmpty()) {
          throw new DockerfileException(name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
        }
        yield value;
      }
      case '#', '%' -> {
        boolean greedy = !word.isEmpty() && word.charAt(0) == ch;
        String pattern = greedy ? word.substring(1) : word;
        yield ch == '%' ? ShellPattern.trimSuffix(pattern, set ? value : "", greedy)
            : ShellPattern.trimPrefix(pattern, set ? value : "", greedy);
      }
      default -> throw unsupported(chs);
    };
  }

  private String wordUntilBrace(boolean raw) {
    try {
      return processStopOn('}', raw).word();
    } catch (DockerfileException e) {
      if (peek() == EOF) {
        throw new DockerfileException("syntax error: missing '}'");
      }
      throw e;
    }
  }

  /** {@code ${name/pattern/replacement}} and {@code ${name//pattern/replacement}}. */
  private String replace(String name) {
    boolean all = peek() == '/';
    if (all) {
      next();
    }
    String pattern;
    try {
      pattern = processStopOn('/', true).word();
    } catch (DockerfileException e) {
      if (peek() == EOF) {
        throw new DockerfileException("syntax error: missing '/' in ${}");
      }
      throw e;
    }
    String replacement = wordUntilBrace(true);
    return ShellPattern.replace(pattern, replacement, env.getOrDefault(name, ""), all);
  }

  private static String runeString(int ch) {
    return ch == EOF ? "\uFFFD" : Character.toString(ch);
  }

  private static DockerfileException unsupported(String chs) {
    return new DockerfileException("unsupported modifier (" + chs + ") in substitution");
  }

  private String name() {
    StringBuilder name = new StringBuilder();
    while (peek() != EOF) {
      int ch = peek();
      if (name.isEmpty() && Character.isDigit(ch)) {
        while (peek() != EOF && Character.isDigit(peek())) {
          name.appendCodePoint(next());
        }
        return name.toString();
      }
      if (name.isEmpty() && "@*#?-$!0".indexOf(ch) >= 0) {
        return Character.toString(next());
      }
      if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
        break;
      }
      name.appendCodePoint(next());
    }
    return name.toString();
  }

  /** Word splitting that remembers whether quotes made an (empty) word (buildkit {@code wordsStruct}). */
  private static final class Words {
    private final List<String> words = new ArrayList<>();
    private StringBuilder word = new StringBuilder();
    private boolean inWord;

    void addChar(int ch) {
      if (Character.isWhitespace(ch) && inWord) {
        if (!word.isEmpty()) {
          words.add(word.toString());
          word = new StringBuilder();
          inWord = false;
        }
      } else if (!Character.isWhitespace(ch)) {
        addRawChar(ch);
      }
    }

    void addRawChar(int ch) {
      word.appendCodePoint(ch);
      inWord = true;
    }

    void addString(String s) {
      s.codePoints().forEach(this::addChar);
    }

    void addRawString(String s) {
      word.append(s);
      inWord = true;
    }

    List<String> get() {
      List<String> out = new ArrayList<>(words);
      if (!word.isEmpty()) {
        out.add(word.toString());
      }
      return out;
    }
  }
}
