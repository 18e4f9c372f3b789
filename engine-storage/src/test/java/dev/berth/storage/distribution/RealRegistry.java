package dev.berth.storage.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Debian {@code docker-registry} (distribution 2.8) on 127.0.0.1 with filesystem storage in a temp dir, for
 * integration tests. {@link #close()} kills the process and removes the directory.
 */
final class RealRegistry implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/docker-registry");
  static final String USER = "alice";
  static final String PASSWORD = "berth-secret";

  private final Path dir;
  private final Process process;
  private final int port;

  private RealRegistry(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  static RealRegistry start(boolean htpasswd) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("berth-registry-it");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String auth = "";
    if (htpasswd) {
      Path file = dir.resolve("htpasswd");
      try (InputStream in = RealRegistry.class.getResourceAsStream("/distribution/htpasswd")) {
        Files.copy(in, file);
      }
      auth = "auth:\n  htpasswd:\n    realm: berth-test\n    path: " + file + "\n";
    }
    Path config = dir.resolve("config.yml");
    Files.writeString(config, "version: 0.1\nlog:\n  level: error\n  accesslog:\n    disabled: true\n"
        + "storage:\n  filesystem:\n    rootdirectory: " + dir.resolve("data") + "\n  delete:\n    enabled: true\n"
        + "http:\n  addr: 127.0.0.1:" + port + "\n" + auth);
    Process p = new ProcessBuilder(BINARY.toString(), "serve", config.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
    RealRegistry r = new RealRegistry(dir, p, port);
    try {
      r.awaitReady();
    } catch (IOException | InterruptedException | RuntimeException e) {
      r.close();
      throw e;
    }
    return r;
  }

  String host() {
    return "127.0.0.1:" + port;
  }

  String log() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("registry.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private void awaitReady() throws IOException, InterruptedException {
    try (HttpClient c = HttpClient.newHttpClient()) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      while (true) {
        if (!process.isAlive()) {
          throw new IOException("docker-registry exited with " + process.exitValue() + ":\n" + log());
        }
        try {
          HttpResponse<Void> r = c.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/"))
              .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
          if (r.statusCode() == 200 || r.statusCode() == 401) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("docker-registry did not become ready:\n" + log());
        }
        Thread.sleep(50);
      }
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: a temp dir
    }
  }
}
