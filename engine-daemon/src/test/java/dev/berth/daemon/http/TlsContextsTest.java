package dev.berth.daemon.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.daemon.config.CommandLine;
import dev.berth.daemon.config.ConfigException;
import dev.berth.daemon.config.ConfigLoader;
import dev.berth.daemon.config.DaemonConfig;
import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsContextsTest {
  private static KeyPair rsa;

  @TempDir Path dir;

  @BeforeAll
  static void generate() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    rsa = g.generateKeyPair();
  }

  /** Reads one DER TLV header at {@code pos}: returns {start of value, length}. */
  private static int[] tlv(byte[] der, int pos) {
    int len = der[pos + 1] & 0xff;
    int start = pos + 2;
    if (len >= 0x80) {
      int n = len & 0x7f;
      len = 0;
      for (int i = 0; i < n; i++) {
        len = (len << 8) | (der[start + i] & 0xff);
      }
      start += n;
    }
    return new int[] {start, len};
  }

  /** PKCS#8 PrivateKeyInfo → the PKCS#1 RSAPrivateKey inside its OCTET STRING (strip version and algId). */
  private static byte[] pkcs1Of(byte[] pkcs8) {
    assertEquals(0x30, pkcs8[0] & 0xff);
    int[] outer = tlv(pkcs8, 0);
    int pos = outer[0];
    int[] version = tlv(pkcs8, pos);
    pos = version[0] + version[1];
    int[] algId = tlv(pkcs8, pos);
    pos = algId[0] + algId[1];
    assertEquals(0x04, pkcs8[pos] & 0xff, "OCTET STRING");
    int[] octet = tlv(pkcs8, pos);
    return Arrays.copyOfRange(pkcs8, octet[0], octet[0] + octet[1]);
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN " + label + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + label + "-----\n";
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void wrapRsaPkcs1_roundTripsTheJdkEncoding() throws GeneralSecurityException {
    byte[] pkcs8 = rsa.getPrivate().getEncoded();
    byte[] pkcs1 = pkcs1Of(pkcs8);
    assertEquals(0x30, pkcs1[0] & 0xff, "RSAPrivateKey is a SEQUENCE");
    byte[] wrapped = TlsContexts.wrapRsaPkcs1(pkcs1);
    assertArrayEquals(pkcs8, wrapped);
    PrivateKey k = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapped));
    assertEquals(rsa.getPrivate(), k);
  }

  @Test
  void wrapRsaPkcs1_smallerKey() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(1024);
    PrivateKey key = g.generateKeyPair().getPrivate();
    byte[] wrapped = TlsContexts.wrapRsaPkcs1(pkcs1Of(key.getEncoded()));
    assertEquals(key, KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapped)));
  }

  @Test
  void wrapRsaPkcs1_shortAndLongForms() {
    byte[] tiny = TlsContexts.wrapRsaPkcs1(new byte[] {0x30, 0x00});
    assertEquals(0x30, tiny[0] & 0xff);
    assertEquals(tiny.length - 2, tiny[1], "short-form length");
    byte[] mid = TlsContexts.wrapRsaPkcs1(new byte[200]);
    assertEquals(0x81, mid[1] & 0xff, "one length byte for 128..255");
    assertEquals(mid.length, tlv(mid, 0)[0] + tlv(mid, 0)[1]);
    byte[] big = TlsContexts.wrapRsaPkcs1(new byte[70_000]);
    assertEquals(0x83, big[1] & 0xff, "three length bytes above 64 KiB");
    int[] outer = tlv(big, 0);
    assertEquals(big.length, outer[0] + outer[1]);
  }

  @Test
  void readKey_pkcs8Pem() throws Exception {
    Path f = write("key.pem", pem("PRIVATE KEY", rsa.getPrivate().getEncoded()));
    assertEquals(rsa.getPrivate(), TlsContexts.readKey(f));
  }

  @Test
  void readKey_pkcs1Pem() throws Exception {
    Path f = write("key.pem", pem("RSA PRIVATE KEY", pkcs1Of(rsa.getPrivate().getEncoded())));
    assertEquals(rsa.getPrivate(), TlsContexts.readKey(f));
  }

  @Test
  void readKey_skipsOtherBlocks() throws Exception {
    String text = "subject=/CN=x\n" + pem("CERTIFICATE", new byte[] {1, 2, 3})
        + pem("RSA PRIVATE KEY", pkcs1Of(rsa.getPrivate().getEncoded()));
    assertEquals(rsa.getPrivate(), TlsContexts.readKey(write("bundle.pem", text)));
  }

  @Test
  void readKey_pkcs8EcAndEd25519() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    PrivateKey ecKey = ec.generateKeyPair().getPrivate();
    assertEquals(ecKey, TlsContexts.readKey(write("ec.pem", pem("PRIVATE KEY", ecKey.getEncoded()))));
    PrivateKey ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
    assertEquals("EdDSA", TlsContexts.readKey(write("ed.pem", pem("PRIVATE KEY", ed.getEncoded())))
        .getAlgorithm());
  }

  @Test
  void readKey_sec1EcKey_saysHowToConvert() throws IOException {
    Path f = write("ec.pem", pem("EC PRIVATE KEY", new byte[] {0x30, 0x00}));
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> TlsContexts.readKey(f));
    assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
  }

  @Test
  void readKey_noKey() throws IOException {
    Path f = write("cert.pem", pem("CERTIFICATE", new byte[] {1}));
    GeneralSecurityException e = assertThrows(GeneralSecurityException.class, () -> TlsContexts.readKey(f));
    assertEquals("no private key found in " + f, e.getMessage());
  }

  @Test
  void readCertificates_emptyFile() throws IOException {
    Path f = write("empty.pem", "");
    GeneralSecurityException e =
        assertThrows(GeneralSecurityException.class, () -> TlsContexts.readCertificates(f));
    assertEquals("no certificate found in " + f, e.getMessage());
  }

  // --- forServer, with a self-signed fixture (src/test/resources/tls, valid until 2126) ---

  private static String fixture(String name) throws URISyntaxException {
    return Path.of(TlsContextsTest.class.getResource("/tls/" + name).toURI()).toString();
  }

  private DaemonConfig config(String... flags) throws IOException {
    List<String> args = new ArrayList<>(List.of("--config-file", write("daemon.json", "{}").toString()));
    args.addAll(List.of(flags));
    return ConfigLoader.load(CommandLine.parse(args));
  }

  @Test
  void forServer_tlsOff_isNull() throws IOException {
    assertNull(TlsContexts.forServer(config()));
  }

  @Test
  void forServer_tls_withPkcs1AndPkcs8Keys() throws Exception {
    for (String key : new String[] {"key-pkcs1.pem", "key-pkcs8.pem"}) {
      SslContext ctx = TlsContexts.forServer(
          config("--tls", "--tlscert", fixture("cert.pem"), "--tlskey", fixture(key)));
      assertNotNull(ctx);
      assertTrue(ctx.isServer());
    }
  }

  @Test
  void forServer_tlsVerify_loadsTheCa() throws Exception {
    SslContext ctx = TlsContexts.forServer(config("--tlsverify", "--tlscacert", fixture("cert.pem"),
        "--tlscert", fixture("cert.pem"), "--tlskey", fixture("key-pkcs1.pem")));
    assertNotNull(ctx);
  }

  @Test
  void forServer_missingFiles_isConfigException() throws Exception {
    Path missing = dir.resolve("missing.pem");
    ConfigException e = assertThrows(ConfigException.class, () -> TlsContexts.forServer(
        config("--tls", "--tlscert", fixture("cert.pem"), "--tlskey", missing.toString())));
    assertTrue(e.getMessage().startsWith("could not load TLS configuration: "), e.getMessage());
    ConfigException ca = assertThrows(ConfigException.class, () -> TlsContexts.forServer(
        config("--tlsverify", "--tlscacert", missing.toString(), "--tlscert", fixture("cert.pem"),
            "--tlskey", fixture("key-pkcs1.pem"))));
    assertTrue(ca.getMessage().startsWith("could not load TLS configuration: "), ca.getMessage());
  }
}
