package dev.berth.runtime.monitor;

import dev.berth.runtime.logging.LogConfig;
import dev.berth.runtime.oci.RuntimeConfig;
import java.util.ArrayList;
import java.util.List;

/** Builds conmon 2.1 command lines (pure; unit-tested). */
final class ConmonArgs {
  private ConmonArgs() {}

  static List<String> create(MonitorConfig config, CreateRequest request, ContainerLayout layout) {
    List<String> a = common(config, request.id(), request.id(), request.runtime());
    a.addAll(List.of("-n", request.name() == null || request.name().isEmpty() ? request.id() : request.name(),
        "-b", request.bundle().toString(),
        "-p", layout.pidFile().toString(),
        "-P", layout.conmonPidFile().toString(),
        "-l", logPath(request.log()),
        "--exit-dir", config.exitDir().toString(),
        "--persist-dir", layout.persistDir().toString(),
        "--socket-dir-path", config.socketDir().toString()));
    if (request.log().maxSize() > 0) {
      a.addAll(List.of("--log-size-max", Long.toString(request.log().maxSize())));
    }
    stdio(a, request.stdio());
    tail(a, config, request.runtime());
    return a;
  }

  static List<String> exec(MonitorConfig config, ExecRequest request, ExecLayout layout) {
    List<String> a = common(config, request.containerId(), request.execId(), request.runtime());
    a.addAll(List.of("-b", layout.dir().toString(),
        "-p", layout.pidFile().toString(),
        "-P", layout.conmonPidFile().toString(),
        "-l", "none",
        "--exit-dir", layout.exitDir().toString(),
        "--socket-dir-path", config.socketDir().toString(),
        "--exec", "--exec-process-spec", request.processSpec().toString()));
    if (request.attach()) {
      a.add("--exec-attach");
    }
    stdio(a, request.stdio());
    tail(a, config, request.runtime());
    return a;
  }

  private static List<String> common(MonitorConfig config, String cid, String cuuid, RuntimeConfig runtime) {
    return new ArrayList<>(List.of(config.conmon().toString(), "--api-version", "1",
        "-c", cid, "-u", cuuid, "-r", runtime.path().toString()));
  }

  private static String logPath(LogConfig log) {
    return log.isReadable() ? "k8s-file:" + log.path() : "none";
  }

  private static void stdio(List<String> a, Stdio stdio) {
    if (stdio.openStdin()) {
      a.add("-i");
    }
    if (stdio.tty()) {
      a.add("-t");
    }
    if (stdio.leaveStdinOpen()) {
      a.add("--leave-stdin-open");
    }
  }

  private static void tail(List<String> a, MonitorConfig config, RuntimeConfig runtime) {
    a.addAll(List.of("--log-level", config.logLevel()));
    if (config.syslog()) {
      a.add("--syslog");
    }
    for (String arg : runtime.globalArgs()) {
      a.addAll(List.of("--runtime-arg", arg));
    }
  }
}
