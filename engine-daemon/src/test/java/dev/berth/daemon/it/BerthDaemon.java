package dev.berth.daemon.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real berthd started through {@code bin/berthd} on a private socket, data root, exec root and pidfile under
 * one work dir (moby {@code testutil/daemon}). Its log goes to {@code berthd.log} there.
 */
public final class BerthDaemon implements AutoCloseable {
  private final Path work;
  private final List<String> extraArgs;
  private final String bridge;
  private Process process;

  public BerthDaemon(Path work, List<String> extraArgs) {
    this.work = work;
    this.extraArgs = List.copyOf(extraArgs);
    this.bridge = "bt" + java.util.HexFormat.of().formatHex(
        java.nio.ByteBuffer.allocate(4).putInt(work.toString().hashCode() ^ (int) System.nanoTime()).array());
  }

  /** A short, unique work dir under /tmp (socket paths must stay under 108 bytes). */
  public static Path newWorkDir(String prefix) throws IOException {
    return Files.createDirectories(Path.of("/tmp", prefix + Long.toHexString(System.nanoTime() & 0xffffffffL)));
  }

  /** This daemon's default bridge: unique per test daemon, removed by {@link #cleanupHost()}. */
  public String bridge() {
    return bridge;
  }

  /** Removes what the daemon leaves on the host by design (its bridge and nft table). Call after stop. */
  public void cleanupHost() {
    Processes.run(List.of("ip", "link", "del", bridge), java.util.Map.of(), null, Duration.ofSeconds(10));
    Processes.run(List.of("nft", "delete", "table", "ip", "berth_" + bridge), java.util.Map.of(), null,
        Duration.ofSeconds(10));
  }

  public static Path home() {
    String prop = System.getProperty("berth.home");
    Path p = prop != null ? Path.of(prop) : Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("bin/berthd"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("cannot find bin/berthd above " + Path.of("").toAbsolutePath());
    }
    return p;
  }

  public Path work() {
    return work;
  }

  public Path socket() {
    return work.resolve("d.sock");
  }

  public Path dataRoot() {
    return work.resolve("data");
  }

  public Path execRoot() {
    return work.resolve("exec");
  }

  public Path pidfile() {
    return work.resolve("berthd.pid");
  }

  public Path configFile() {
    return work.resolve("daemon.json");
  }

  public Path log() {
    return work.resolve("berthd.log");
  }

  public String host() {
    return "unix://" + socket();
  }

  /** The command line this daemon runs with (without the launcher). */
  public List<String> args() {
    List<String> a = new ArrayList<>(List.of("-H", host(), "--data-root", dataRoot().toString(),
        "--exec-root", execRoot().toString(), "-p", pidfile().toString(),
        "--config-file", configFile().toString(), "--bridge", bridge));
    a.addAll(extraArgs);
    return a;
  }

  /** Creates the work dir and an empty daemon.json, so {@link #args()} can be used by hand. */
  public BerthDaemon prepare() {
    try {
      Files.createDirectories(work);
      if (!Files.exists(configFile())) {
        Files.writeString(configFile(), "{}\n");
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public BerthDaemon start() {
    prepare();
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(home().resolve("bin/berthd").toString());
      cmd.addAll(args());
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
      process = pb.start();
      waitReady(Duration.ofSeconds(30));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void waitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("berthd exited with " + process.exitValue() + "\n" + logTail(40));
      }
      if (ping()) {
        return;
      }
      sleep(20);
    }
    throw new IllegalStateException("berthd did not answer /_ping within " + timeout + "\n" + logTail(40));
  }

  /** True when {@code GET /_ping} on the socket answers 200. */
  public boolean ping() {
    if (!Files.exists(socket())) {
      return false;
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket()));
      ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(512);
      ch.read(buf);
      return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200");
    } catch (IOException e) {
      return false;
    }
  }

  public Process process() {
    return process;
  }

  public long pid() {
    return process.pid();
  }

  /** SIGTERM and wait; returns the exit code. */
  public int stop() {
    if (process == null || !process.isAlive()) {
      return process == null ? 0 : process.exitValue();
    }
    process.destroy();
    try {
      if (!process.waitFor(40, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return process.exitValue();
  }

  /** SIGKILL, as a crash would. */
  public void kill() {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Sends a signal by name (HUP, USR1 …) to the daemon. */
  public void signal(String name) {
    Processes.run(List.of("kill", "-" + name, Long.toString(pid())), java.util.Map.of(), null,
        Duration.ofSeconds(5));
  }

  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(log());
      return "--- berthd log (last " + lines + " lines) ---\n"
          + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no berthd log: " + e.getMessage() + ")";
    }
  }

  public DockerCli docker() {
    return new DockerCli(host(), work.resolve("docker-config"));
  }

  @Override
  public void close() {
    stop();
    cleanupHost();
  }

  /** Deletes a work dir (after the daemon stopped). */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException ignored) {
          // best effort
        }
      });
    } catch (IOException ignored) {
      // best effort
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
