package dev.berth.runtime.logging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * One record of conmon's k8s-file log: {@code <RFC3339Nano> <stdout|stderr> <F|P> <bytes>} (no trailing
 * newline here). {@code F} ends a line, {@code P} is a piece of a longer one.
 */
record K8sLogLine(Instant time, StdStream stream, boolean partial, byte[] content) {

  /** Parses one line without its {@code \n}; returns null when it is not a k8s-file record. */
  static K8sLogLine parse(byte[] line, int from, int to) {
    int s1 = indexOf(line, from, to, (byte) ' ');
    int s2 = s1 < 0 ? -1 : indexOf(line, s1 + 1, to, (byte) ' ');
    if (s2 < 0 || s2 + 2 > to) {
      return null;
    }
    byte tag = line[s2 + 1];
    if ((tag != 'F' && tag != 'P') || (s2 + 2 < to && line[s2 + 2] != ' ')) {
      return null;
    }
    StdStream stream = StdStream.ofK8sName(new String(line, s1 + 1, s2 - s1 - 1, StandardCharsets.US_ASCII));
    if (stream == null) {
      return null;
    }
    Instant time;
    try {
      time = OffsetDateTime.parse(new String(line, from, s1 - from, StandardCharsets.US_ASCII)).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
    int contentStart = Math.min(s2 + 3, to);
    return new K8sLogLine(time, stream, tag == 'P', Arrays.copyOfRange(line, contentStart, to));
  }

  static K8sLogLine parse(String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return parse(b, 0, b.length);
  }

  private static int indexOf(byte[] b, int from, int to, byte v) {
    for (int i = from; i < to; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }
}
