package dev.berth.daemon.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code docker-registry} (distribution 2.8) on 127.0.0.1 and a free port, storing into a temp dir, with
 * or without htpasswd auth ({@code alice} / {@link #PASSWORD}). {@link #close()} stops it and deletes the dir.
 * Also a raw client for tests that upload blobs and manifests the CLI cannot make (an OCI index).
 */
public final class TestRegistry implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/bin/docker-registry");
  public static final String USER = "alice";
  public static final String PASSWORD = "berth-secret";
  private static final String HTPASSWD = "alice:$2b$04$JAwQ5rcc7Jh/8FUlXzD.0.TRv4UTRqEJrRufcqgrV9Tn9vXntUEYi\n";

  private final Path dir;
  private final Process process;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private TestRegistry(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  public static boolean available() {
    return Files.isExecutable(BINARY);
  }

  public static TestRegistry start(boolean htpasswd) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(Path.of("/tmp"), "berth-registry-");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String auth = "";
    if (htpasswd) {
      Files.writeString(dir.resolve("htpasswd"), HTPASSWD);
      auth = "auth:\n  htpasswd:\n    realm: berth-test\n    path: " + dir.resolve("htpasswd") + "\n";
    }
    Files.writeString(dir.resolve("config.yml"), "version: 0.1\nlog:\n  level: error\n  accesslog:\n"
        + "    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: " + dir.resolve("data") + "\n"
        + "  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:" + port + "\n" + auth);
    Process p = new ProcessBuilder(BINARY.toString(), "serve", dir.resolve("config.yml").toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
    TestRegistry r = new TestRegistry(dir, p, port);
    try {
      r.awaitReady();
      return r;
    } catch (IOException | InterruptedException | RuntimeException e) {
      r.close();
      throw e;
    }
  }

  public String host() {
    return "127.0.0.1:" + port;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      if (!process.isAlive()) {
        throw new IOException("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
      }
      try {
        int code = http.send(HttpRequest.newBuilder(url("/v2/")).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode();
        if (code == 200 || code == 401) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      if (System.nanoTime() > deadline) {
        throw new IOException("docker-registry did not start");
      }
      Thread.sleep(30);
    }
  }

  private URI url(String path) {
    return URI.create("http://" + host() + path);
  }

  /** Uploads a blob monolithically (plain registries only). */
  public void putBlob(String repo, byte[] content) throws IOException, InterruptedException {
    HttpResponse<Void> start = http.send(HttpRequest.newBuilder(url("/v2/" + repo + "/blobs/uploads/"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    String location = start.headers().firstValue("Location").orElseThrow();
    URI put = url("/").resolve(location + (location.contains("?") ? "&" : "?") + "digest="
        + TestImages.sha256(content));
    HttpResponse<String> done = http.send(HttpRequest.newBuilder(put).header("Content-Type",
        "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
        HttpResponse.BodyHandlers.ofString());
    check(done, 201);
  }

  public void putManifest(String repo, String reference, String mediaType, byte[] body)
      throws IOException, InterruptedException {
    check(http.send(HttpRequest.newBuilder(url("/v2/" + repo + "/manifests/" + reference))
        .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString()), 201);
  }

  public byte[] getManifest(String repo, String reference) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url("/v2/" + repo + "/manifests/" + reference))
        .header("Accept", String.join(",", List.of("application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json"))).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IOException("GET manifest " + repo + ":" + reference + " -> " + r.statusCode());
    }
    return r.body();
  }

  /** A manifest fetched with one {@code Accept} type: the registry's Content-Type and the bytes. */
  public HttpResponse<byte[]> getManifest(String repo, String reference, String accept)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url("/v2/" + repo + "/manifests/" + reference))
        .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
    check(r, 200);
    return r;
  }

  public byte[] getBlob(String repo, String digest) throws IOException, InterruptedException {
    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(url("/v2/" + repo + "/blobs/" + digest)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    check(r, 200);
    return r.body();
  }

  private static void check(HttpResponse<?> r, int expected) throws IOException {
    if (r.statusCode() != expected) {
      throw new IOException(r.request().method() + " " + r.request().uri() + " -> " + r.statusCode() + ": "
          + r.body());
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
    http.close();
    BerthDaemon.deleteTree(dir);
  }
}
