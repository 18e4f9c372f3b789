package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.berth.api.errors.InvalidParameterException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** certs.d handling against a JDK HTTPS server that requires a client certificate; keys made with openssl. */
class RegistryTlsTest {
  @TempDir
  static Path dir;
  private HttpsServer server;

  @BeforeAll
  static void makeCertificates() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
    openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
        "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=berth-test-ca");
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj",
        "/CN=127.0.0.1");
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "server.crt", "-days", "2", "-extfile", "san.ext");
    openssl("pkcs12", "-export", "-in", "server.crt", "-inkey", "server.key", "-out", "server.p12", "-passout",
        "pass:changeit");
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "client.key");
    openssl("req", "-new", "-key", "client.key", "-out", "client.csr", "-subj", "/CN=client");
    openssl("x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
        "client.cert", "-days", "2");
  }

  @BeforeEach
  void startServer() throws Exception {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    SSLContext ctx = serverContext();
    server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
      @Override
      public void configure(HttpsParameters params) {
        var p = ctx.getDefaultSSLParameters();
        p.setNeedClientAuth(true);
        params.setSSLParameters(p);
      }
    });
    server.createContext("/", ex -> {
      ex.sendResponseHeaders(200, -1);
      ex.close();
    });
    server.start();
  }

  @AfterEach
  void tearDown() {
    if (server != null) {
      server.stop(0);
    }
  }

  private RegistryEndpoint endpoint() {
    return new RegistryEndpoint(URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/"), false,
        false, false);
  }

  private Path certsDirWith(String... files) throws IOException {
    Path certs = Files.createTempDirectory(dir, "certs.d");
    Path host = certs.resolve(endpoint().hostPort());
    Files.createDirectories(host);
    for (String f : files) {
      String target = f.equals("client.key") || f.equals("client.cert") ? f : "ca.crt";
      Files.copy(dir.resolve(f), host.resolve(target));
    }
    return certs;
  }

  @Test
  void caAndClientCertificateFromCertsDir_areUsed() throws Exception {
    SSLContext ctx = new RegistryTls(List.of(dir.resolve("missing"), certsDirWith("ca.crt", "client.cert",
        "client.key"))).contextFor(endpoint());
    try (HttpClient c = HttpClient.newBuilder().sslContext(ctx).connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpResponse<Void> r = c.send(HttpRequest.newBuilder(endpoint().v2("")).build(),
          HttpResponse.BodyHandlers.discarding());
      assertEquals(200, r.statusCode());
    }
  }

  @Test
  void unknownAuthority_readsLikeGo() throws Exception {
    RegistryConfig cfg = new RegistryConfig(List.of(), List.of(), List.of(dir.resolve("none")), null,
        Duration.ofSeconds(5));
    try (RegistryHttp http = new RegistryHttp(cfg)) {
      RegistryUnreachableException e = assertThrows(RegistryUnreachableException.class, () -> http.send(endpoint(),
          HttpRequest.newBuilder(endpoint().v2("")).build(), HttpResponse.BodyHandlers.discarding()));
      assertEquals("Get \"" + endpoint().v2("") + "\": tls: failed to verify certificate: x509: certificate signed "
          + "by unknown authority", e.getMessage());
    }
  }

  @Test
  void insecureEndpoint_skipsVerification() throws Exception {
    RegistryEndpoint insecure = new RegistryEndpoint(endpoint().base(), false, true, false);
    SSLContext ctx = new RegistryTls(List.of()).contextFor(insecure);
    try (HttpClient c = HttpClient.newBuilder().sslContext(ctx).build()) {
      // the server demands a client certificate we do not have, so the handshake fails after trusting the server
      IOException e = assertThrows(IOException.class, () -> c.send(HttpRequest.newBuilder(insecure.v2("")).build(),
          HttpResponse.BodyHandlers.discarding()));
      assertTrue(!String.valueOf(e.getMessage()).contains("PKIX"), e.toString());
    }
  }

  @Test
  void keyWithoutCertificate_isRefusedWithDockerdMessage() throws Exception {
    Path certs = certsDirWith("client.key");
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> new RegistryTls(List.of(certs)).contextFor(endpoint()));
    assertEquals("missing client certificate client.cert for key client.key", e.getMessage());
  }

  @Test
  void pemKeysInAllThreeEncodings() throws Exception {
    openssl("genrsa", "-traditional", "-out", "pkcs1.key", "2048");
    assertTrue(Files.readString(dir.resolve("pkcs1.key")).contains("BEGIN RSA PRIVATE KEY"));
    assertTrue(PemFiles.privateKey(dir.resolve("pkcs1.key")) instanceof RSAPrivateKey);
    assertTrue(PemFiles.privateKey(dir.resolve("server.key")) instanceof RSAPrivateKey, "PKCS#8");
    assertTrue(Files.readString(dir.resolve("client.key")).contains("BEGIN EC PRIVATE KEY"));
    assertTrue(PemFiles.privateKey(dir.resolve("client.key")) instanceof ECPrivateKey);
  }

  private static SSLContext serverContext() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(dir.resolve("server.p12"))) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    trust.setCertificateEntry("ca", PemFiles.certificates(dir.resolve("ca.crt")).get(0));
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
    return ctx;
  }

  private static void openssl(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/openssl"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl hung");
    assertEquals(0, p.exitValue(), out);
  }
}
