package dev.berth.storage.changes;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code EXPOSE} port specs: {@code 80}, {@code 80/udp}, {@code 8000-8002/tcp} → {@code 80/tcp} keys. */
final class Ports {
  private static final Pattern SPEC = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/(tcp|udp|sctp))?");

  private Ports() {}

  static List<String> expand(String spec) {
    Matcher m = SPEC.matcher(spec.toLowerCase(java.util.Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidParameterException("invalid containerPort: " + spec);
    }
    int from = Integer.parseInt(m.group(1));
    int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
    String proto = m.group(3) == null ? "tcp" : m.group(3);
    if (from < 1 || to > 65535 || to < from) {
      throw new InvalidParameterException("invalid containerPort: " + spec);
    }
    List<String> out = new ArrayList<>();
    for (int p = from; p <= to; p++) {
      out.add(p + "/" + proto);
    }
    return out;
  }
}
