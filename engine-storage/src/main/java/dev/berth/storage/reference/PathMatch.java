package dev.berth.storage.reference;

import dev.berth.api.errors.InvalidParameterException;

/** Go's {@code path.Match}: {@code *} and {@code ?} never match {@code /}; {@code [a-z]}, {@code [^x]}, escapes. */
public final class PathMatch {
  private PathMatch() {}

  public static boolean matches(String pattern, String name) {
    return match(pattern, 0, name, 0);
  }

  private static boolean match(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      switch (c) {
        case '*' -> {
          int next = pi + 1;
          for (int k = si; k <= s.length(); k++) {
            if (match(p, next, s, k)) {
              return true;
            }
            if (k < s.length() && s.charAt(k) == '/') {
              return false;
            }
          }
          return false;
        }
        case '?' -> {
          if (si >= s.length() || s.charAt(si) == '/') {
            return false;
          }
          pi++;
          si++;
        }
        case '[' -> {
          int end = classEnd(p, pi);
          if (si >= s.length() || s.charAt(si) == '/' || !classMatches(p, pi + 1, end, s.charAt(si))) {
            return false;
          }
          pi = end + 1;
          si++;
        }
        case '\\' -> {
          if (pi + 1 >= p.length()) {
            throw new InvalidParameterException("syntax error in pattern");
          }
          if (si >= s.length() || s.charAt(si) != p.charAt(pi + 1)) {
            return false;
          }
          pi += 2;
          si++;
        }
        default -> {
          if (si >= s.length() || s.charAt(si) != c) {
            return false;
          }
          pi++;
          si++;
        }
      }
    }
    return si == s.length();
  }

  private static int classEnd(String p, int open) {
    int i = open + 1;
    if (i < p.length() && p.charAt(i) == '^') {
      i++;
    }
    for (boolean first = true; i < p.length(); i++, first = false) {
      char c = p.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ']' && !first) {
        return i;
      }
    }
    throw new InvalidParameterException("syntax error in pattern");
  }

  private static boolean classMatches(String p, int from, int to, char ch) {
    boolean negate = p.charAt(from) == '^';
    int i = negate ? from + 1 : from;
    boolean hit = false;
    while (i < to) {
      char lo = p.charAt(i) == '\\' ? p.charAt(++i) : p.charAt(i);
      char hi = lo;
      if (i + 2 < to && p.charAt(i + 1) == '-') {
        i += 2;
        hi = p.charAt(i) == '\\' ? p.charAt(++i) : p.charAt(i);
      }
      if (lo <= ch && ch <= hi) {
        hit = true;
      }
      i++;
    }
    return hit != negate;
  }

  /** distribution/reference's {@code FamiliarMatch}: against the familiar string, then the familiar name. */
  public static boolean familiarMatch(String pattern, ImageReference ref) {
    return matches(pattern, ref.familiarString()) || matches(pattern, ref.familiarName());
  }
}
