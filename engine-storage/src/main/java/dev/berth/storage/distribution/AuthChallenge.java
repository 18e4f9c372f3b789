package dev.berth.storage.distribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code WWW-Authenticate} challenge: a lower-cased scheme ({@code bearer}, {@code basic}) and its
 * parameters ({@code realm}, {@code service}, {@code scope}, {@code error}). Parsing follows docker/distribution's
 * {@code challenge.parseValueAndParams}: several challenges may share one header, values may be quoted with
 * backslash escapes.
 */
record AuthChallenge(String scheme, Map<String, String> params) {

  String param(String name) {
    return params.getOrDefault(name, "");
  }

  static List<AuthChallenge> parse(List<String> headerValues) {
    List<AuthChallenge> out = new ArrayList<>();
    for (String h : headerValues) {
      parseInto(h, out);
    }
    return out;
  }

  private static void parseInto(String h, List<AuthChallenge> out) {
    int i = 0;
    int n = h.length();
    while (i < n) {
      i = skipSpaceAndCommas(h, i);
      int start = i;
      while (i < n && isToken(h.charAt(i))) {
        i++;
      }
      if (i == start) {
        return;
      }
      String scheme = h.substring(start, i).toLowerCase(Locale.ROOT);
      Map<String, String> params = new LinkedHashMap<>();
      while (true) {
        int save = i;
        i = skipSpaceAndCommas(h, i);
        int ks = i;
        while (i < n && isToken(h.charAt(i))) {
          i++;
        }
        String key = h.substring(ks, i).toLowerCase(Locale.ROOT);
        int j = skipSpace(h, i);
        if (key.isEmpty() || j >= n || h.charAt(j) != '=') {
          i = save;   // not a parameter: the next challenge's scheme starts here
          break;
        }
        i = skipSpace(h, j + 1);
        StringBuilder value = new StringBuilder();
        if (i < n && h.charAt(i) == '"') {
          for (i++; i < n && h.charAt(i) != '"'; i++) {
            char c = h.charAt(i);
            if (c == '\\' && i + 1 < n) {
              c = h.charAt(++i);
            }
            value.append(c);
          }
          i++;
        } else {
          while (i < n && h.charAt(i) != ',' && !Character.isWhitespace(h.charAt(i))) {
            value.append(h.charAt(i++));
          }
        }
        params.put(key, value.toString());
      }
      out.add(new AuthChallenge(scheme, Map.copyOf(params)));
      if (i <= start) {
        return;
      }
    }
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipSpaceAndCommas(String s, int i) {
    while (i < s.length() && (Character.isWhitespace(s.charAt(i)) || s.charAt(i) == ',')) {
      i++;
    }
    return i;
  }

  private static boolean isToken(char c) {
    return c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={} ".indexOf(c) < 0;
  }
}
