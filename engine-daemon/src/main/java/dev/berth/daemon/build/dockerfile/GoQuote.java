package dev.berth.daemon.build.dockerfile;

/** Go's {@code %q} for the strings dockerd puts into its messages (printable ASCII plus the common escapes). */
public final class GoQuote {
  private GoQuote() {}

  /** Go's {@code %q} of an integer: the quoted rune ({@code '\\x02'}, {@code 'A'}, {@code '\\n'}). */
  public static String quoteRune(int c) {
    String body = switch (c) {
      case '\'' -> "\\'";
      case '\\' -> "\\\\";
      case 7 -> "\\a";
      case '\b' -> "\\b";
      case '\f' -> "\\f";
      case '\n' -> "\\n";
      case '\r' -> "\\r";
      case '\t' -> "\\t";
      case 11 -> "\\v";
      default -> {
        if (c < 0 || c > Character.MAX_CODE_POINT) {
          yield "\ufffd";
        }
        if (c < 0x20 || c == 0x7f) {
          yield String.format("\\x%02x", c);
        }
        if (c >= 0x80 && c < 0xa0) {
          yield String.format("\\u%04x", c);
        }
        yield new String(Character.toChars(c));
      }
    };
    return "'" + body + "'";
  }

  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(c -> {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", c));
          } else {
            b.appendCodePoint(c);
          }
        }
      }
    });
    return b.append('"').toString();
  }
}
