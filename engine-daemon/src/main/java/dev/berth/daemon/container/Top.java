package dev.berth.daemon.container;

import dev.berth.api.errors.SystemException;
import dev.berth.api.model.container.ContainerTopResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** {@code docker top}: the host's {@code ps} output restricted to the container's processes, as dockerd does. */
final class Top {
  private Top() {}

  static ContainerTopResponse run(List<Integer> pids, String psArgs) {
    String args = psArgs == null || psArgs.isEmpty() ? "-ef" : psArgs;
    List<String> cmd = new ArrayList<>();
    cmd.add("ps");
    cmd.addAll(Arrays.asList(args.trim().split("\\s+")));
    String out;
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new SystemException("ps: " + out.trim());
      }
    } catch (IOException e) {
      throw new SystemException("cannot run ps", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("interrupted running ps", e);
    }
    return parse(out, new HashSet<>(pids));
  }

  /** moby {@code parsePSOutput}: split the header on spaces; the last column keeps its spaces. */
  static ContainerTopResponse parse(String output, Set<Integer> pids) {
    String[] lines = output.split("\n");
    List<String> titles = Arrays.asList(lines[0].trim().split("\\s+"));
    int pidCol = titles.indexOf("PID");
    if (pidCol < 0) {
      throw new SystemException("Couldn't find PID field in ps output");
    }
    List<List<String>> procs = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+", titles.size());
      try {
        if (pids.contains(Integer.parseInt(f[pidCol]))) {
          procs.add(Arrays.asList(f));
        }
      } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
        // not a process line
      }
    }
    return new ContainerTopResponse(procs, titles);
  }
}
