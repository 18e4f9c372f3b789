package dev.berth.runtime.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an OCI bundle for tests: {@code runc spec} output with {@code process.rlimits} removed (no
 * CAP_SYS_RESOURCE here), a static busybox rootfs and the given args, terminal flag, cgroup path and memory limit.
 */
final class BusyboxBundle {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> APPLETS = List.of("sh", "cat", "echo", "sleep", "tty", "stty", "ls", "ps",
      "kill", "true", "false", "id", "head", "yes", "dd", "wc", "printf");

  private BusyboxBundle() {}

  static Path write(Path bundle, String cgroupsPath, boolean terminal, long memoryLimit, String... args)
      throws IOException, InterruptedException {
    Path bin = bundle.resolve("rootfs/bin");
    Files.createDirectories(bin);
    Files.createDirectories(bundle.resolve("rootfs/tmp"));
    Files.copy(Path.of("/bin/busybox"), bin.resolve("busybox"));
    for (String applet : APPLETS) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    Process spec = new ProcessBuilder("/usr/sbin/runc", "spec", "--bundle", bundle.toString())
        .redirectErrorStream(true).start();
    if (spec.waitFor() != 0) {
      throw new IOException("runc spec failed: " + new String(spec.getInputStream().readAllBytes()));
    }
    ObjectNode config = (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
    ObjectNode process = (ObjectNode) config.get("process");
    process.remove("rlimits");
    process.put("terminal", terminal);
    ArrayNode argv = process.putArray("args");
    for (String a : args) {
      argv.add(a);
    }
    ObjectNode linux = (ObjectNode) config.get("linux");
    linux.put("cgroupsPath", cgroupsPath);
    if (memoryLimit > 0) {
      ObjectNode memory = ((ObjectNode) linux.get("resources")).putObject("memory");
      memory.put("limit", memoryLimit);
      memory.put("swap", memoryLimit);
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(bundle.resolve("config.json").toFile(), config);
    return bundle;
  }

  /** A minimal OCI process JSON for exec. */
  static Path writeProcess(Path file, boolean terminal, String... args) throws IOException {
    ObjectNode p = JSON.createObjectNode();
    p.put("terminal", terminal);
    p.putObject("user").put("uid", 0).put("gid", 0);
    ArrayNode argv = p.putArray("args");
    for (String a : args) {
      argv.add(a);
    }
    p.putArray("env").add("PATH=/bin").add("TERM=xterm");
    p.put("cwd", "/");
    Files.createDirectories(file.getParent());
    JSON.writeValue(file.toFile(), p);
    return file;
  }
}
