package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A TCP listener with mutual TLS: the CLI with a client certificate gets in, a client without one does not. */
class TlsIT {
  private static Path work;
  private static BerthDaemon daemon;
  private static int port;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeTrue(DockerCli.available(), "needs the docker CLI");
    work = BerthDaemon.newWorkDir("btls-");
    Path pki = Files.createDirectories(work.resolve("pki"));
    sh(pki, "openssl genrsa -out ca-key.pem 2048"
        + " && openssl req -x509 -new -key ca-key.pem -days 2 -subj /CN=berth-test-ca -out ca.pem"
        + " && openssl genrsa -traditional -out server-key.pem 2048"
        + " && openssl req -new -key server-key.pem -subj /CN=127.0.0.1 -out server.csr"
        + " && printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\\nextendedKeyUsage=serverAuth\\n' > server.ext"
        + " && openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2"
        + "    -extfile server.ext -out server-cert.pem"
        + " && openssl genrsa -out key.pem 2048"
        + " && openssl req -new -key key.pem -subj /CN=client -out client.csr"
        + " && printf 'extendedKeyUsage=clientAuth\\n' > client.ext"
        + " && openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2"
        + "    -extfile client.ext -out cert.pem");
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    daemon = new BerthDaemon(work.resolve("d"), List.of("-H", "tcp://127.0.0.1:" + port, "--tlsverify",
        "--tlscacert", pki.resolve("ca.pem").toString(), "--tlscert", pki.resolve("server-cert.pem").toString(),
        "--tlskey", pki.resolve("server-key.pem").toString())).start();
  }

  @AfterAll
  static void stop() {
    if (daemon != null) {
      daemon.close();
    }
    if (work != null) {
      BerthDaemon.deleteTree(work);
    }
  }

  private static void sh(Path dir, String script) {
    CliResult r = Processes.run(List.of("sh", "-c", "cd " + dir + " && " + script), Map.of(), null,
        Duration.ofSeconds(60));
    assertEquals(0, r.exitCode(), r::toString);
  }

  @Test
  void cliWithClientCertificate_isServed() {
    Path pki = work.resolve("pki");
    CliResult r = new DockerCli("tcp://127.0.0.1:" + port, work.resolve("cfg"))
        .with("DOCKER_TLS_VERIFY", "1").with("DOCKER_CERT_PATH", pki.toString())
        .run("version", "--format", "{{.Server.APIVersion}}");
    assertEquals(0, r.exitCode(), r::toString);
    assertEquals("1.50", r.out());
  }

  @Test
  void clientWithoutCertificate_isRefused() {
    CliResult r = Processes.run(List.of("curl", "-sS", "--max-time", "10", "--cacert",
        work.resolve("pki/ca.pem").toString(), "https://127.0.0.1:" + port + "/_ping"), Map.of(), null,
        Duration.ofSeconds(20));
    assertNotEquals(0, r.exitCode(), r::toString);
  }

  @Test
  void plainHttpOnTheTlsPort_isRefused() {
    CliResult r = Processes.run(List.of("curl", "-sS", "--max-time", "10", "http://127.0.0.1:" + port
        + "/_ping"), Map.of(), null, Duration.ofSeconds(20));
    assertTrue(r.exitCode() != 0 || !r.stdout().equals("OK"), r::toString);
  }

  @Test
  void unixSocketStillServesAlongside() {
    assertTrue(daemon.ping());
  }
}
