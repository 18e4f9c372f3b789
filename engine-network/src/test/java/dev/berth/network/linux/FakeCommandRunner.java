package dev.berth.network.linux;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Records every command (argv joined by spaces) and its stdin; answers with {@link #responder}. */
public final class FakeCommandRunner implements CommandRunner {
  public record Call(String command, String stdin) {}

  public final List<Call> calls = new ArrayList<>();
  public Function<String, Result> responder = cmd -> new Result(0, "", "");

  @Override
  public synchronized Result run(List<String> argv, String stdin) {
    String cmd = String.join(" ", argv);
    calls.add(new Call(cmd, stdin));
    return responder.apply(cmd);
  }
}
