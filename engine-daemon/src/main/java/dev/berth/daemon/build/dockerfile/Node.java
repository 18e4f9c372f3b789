package dev.berth.daemon.build.dockerfile;

import java.util.List;
import java.util.Locale;

/**
 * One logical line split into its command word (case kept, as dockerd prints it in errors), builder flags
 * ({@code --from=x}, quotes removed) and arguments as the per-instruction line parser produced them.
 *
 * @param json whether the arguments came from a JSON array (exec form)
 * @param original the logical line, trimmed; what {@code Step n/m :} prints
 */
record Node(String command, List<String> flags, List<String> args, boolean json, String original,
    int startLine, int endLine) {

  String lower() {
    return command.toLowerCase(Locale.ROOT);
  }
}
