package dev.berth.runtime.oci;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Records command lines and answers with queued results (default: success with empty output). */
public final class FakeCommandRunner implements CommandRunner {
  public final List<List<String>> commands = new ArrayList<>();
  private final Deque<CommandResult> results = new ArrayDeque<>();

  public FakeCommandRunner answer(int exitCode, String stdout, String stderr) {
    results.add(new CommandResult(exitCode, stdout, stderr));
    return this;
  }

  @Override
  public synchronized CommandResult run(List<String> argv, Duration timeout) {
    commands.add(List.copyOf(argv));
    CommandResult r = results.poll();
    return r != null ? r : new CommandResult(0, "", "");
  }

  public synchronized List<String> last() {
    return commands.get(commands.size() - 1);
  }
}
