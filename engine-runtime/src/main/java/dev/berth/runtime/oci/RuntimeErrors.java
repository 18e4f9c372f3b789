package dev.berth.runtime.oci;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.EngineException;
import java.util.Locale;

/**
 * Turns an OCI runtime's stderr into an engine exception, once for the module. runc prints logrus lines
 * ({@code time="…" level=error msg="runc create failed: …"}); crun prints plain text. Classification follows
 * dockerd's {@code translateContainerdStartErr}: "executable file not found" / "no such file or directory" → 127,
 * "permission denied" / "is a directory" → 126.
 */
public final class RuntimeErrors {
  private RuntimeErrors() {}

  /** The runtime's message: the {@code msg} of the last logrus error line, else the trimmed text. */
  public static String message(String stderr) {
    String text = stderr == null ? "" : stderr.strip();
    String found = null;
    for (String line : text.split("\n")) {
      String msg = logrusMessage(line.strip());
      if (msg != null) {
        found = msg;
      }
    }
    return found != null ? found : text;
  }

  /**
   * The exception for a failed {@code create}/{@code exec}: {@link InvalidStartConfigException} with 127/126
   * when the command cannot be run, else {@link OciRuntimeException}.
   */
  public static EngineException startFailure(String operation, String runtimeMessage) {
    String lower = runtimeMessage.toLowerCase(Locale.ROOT);
    if (lower.contains("executable file not found") || lower.contains("no such file or directory")
        || lower.contains("system cannot find the file specified")) {
      return new InvalidStartConfigException(operation, runtimeMessage, 127);
    }
    if (lower.contains("permission denied") || lower.contains("is a directory")) {
      return new InvalidStartConfigException(operation, runtimeMessage, 126);
    }
    return new OciRuntimeException(operation, runtimeMessage);
  }

  /** The exception for a failed lifecycle command ({@code start}, {@code kill}, …) on container {@code id}. */
  public static EngineException commandFailure(String operation, String id, String stderr) {
    String msg = message(stderr);
    String lower = msg.toLowerCase(Locale.ROOT);
    if (lower.contains("does not exist") || lower.contains("no such file or directory")) {
      return new NoSuchRuntimeContainerException(id);
    }
    if (lower.contains("not running") || lower.contains("is not in running state")) {
      return new ConflictException("container " + id + " is not running");
    }
    return new OciRuntimeException(operation, msg);
  }

  /** The unquoted value of {@code msg="…"} in a logrus text line, or null. */
  static String logrusMessage(String line) {
    int at = line.indexOf("msg=\"");
    if (at < 0 || !line.contains("level=")) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (int i = at + 5; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\' && i + 1 < line.length()) {
        char e = line.charAt(++i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
