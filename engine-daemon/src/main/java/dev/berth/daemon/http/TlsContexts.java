package dev.berth.daemon.http;

import dev.berth.daemon.config.ConfigException;
import dev.berth.daemon.config.DaemonConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server TLS from dockerd's flags: {@code --tls} serves TLS, {@code --tlsverify} also requires client
 * certificates signed by {@code --tlscacert}. Keys may be PKCS#8 or the PKCS#1 RSA form openssl often writes.
 */
public final class TlsContexts {
  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  private TlsContexts() {}

  /** The server context, or null when TLS is off. */
  public static SslContext forServer(DaemonConfig cfg) {
    if (!cfg.tls() && !cfg.tlsVerify()) {
      return null;
    }
    String home = System.getenv().getOrDefault("DOCKER_CERT_PATH",
        System.getProperty("user.home") + "/.docker");
    Path cert = Path.of(cfg.tlsCert() != null ? cfg.tlsCert() : home + "/cert.pem");
    Path key = Path.of(cfg.tlsKey() != null ? cfg.tlsKey() : home + "/key.pem");
    try {
      SslContextBuilder b = SslContextBuilder.forServer(readKey(key),
          readCertificates(cert).toArray(X509Certificate[]::new));
      if (cfg.tlsVerify()) {
        Path ca = Path.of(cfg.tlsCaCert() != null ? cfg.tlsCaCert() : home + "/ca.pem");
        b.trustManager(readCertificates(ca).toArray(X509Certificate[]::new)).clientAuth(ClientAuth.REQUIRE);
      }
      return b.protocols("TLSv1.3", "TLSv1.2").build();
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException("could not load TLS configuration: " + e.getMessage(), e);
    }
  }

  static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    List<X509Certificate> certs = cf.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)))
        .stream().map(c -> (X509Certificate) c).toList();
    if (certs.isEmpty()) {
      throw new GeneralSecurityException("no certificate found in " + file);
    }
    return certs;
  }

  static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
    Matcher m = PEM.matcher(Files.readString(file, StandardCharsets.US_ASCII));
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
      switch (m.group(1)) {
        case "PRIVATE KEY" -> {
          return pkcs8(der);
        }
        case "RSA PRIVATE KEY" -> {
          return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(wrapRsaPkcs1(der)));
        }
        case "EC PRIVATE KEY" -> throw new GeneralSecurityException(
            "EC keys in SEC1 form are not supported in " + file + "; convert with: openssl pkcs8 -topk8 -nocrypt");
        default -> { }
      }
    }
    throw new GeneralSecurityException("no private key found in " + file);
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String alg : new String[] {"RSA", "EC", "Ed25519"}) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, octet string). */
  static byte[] wrapRsaPkcs1(byte[] pkcs1) {
    byte[] algId = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
        0x01, 0x05, 0x00};
    byte[] version = {0x02, 0x01, 0x00};
    byte[] octet = derTlv(0x04, pkcs1);
    byte[] body = new byte[version.length + algId.length + octet.length];
    System.arraycopy(version, 0, body, 0, version.length);
    System.arraycopy(algId, 0, body, version.length, algId.length);
    System.arraycopy(octet, 0, body, version.length + algId.length, octet.length);
    return derTlv(0x30, body);
  }

  private static byte[] derTlv(int tag, byte[] value) {
    int len = value.length;
    byte[] lenBytes;
    if (len < 0x80) {
      lenBytes = new byte[] {(byte) len};
    } else if (len < 0x100) {
      lenBytes = new byte[] {(byte) 0x81, (byte) len};
    } else if (len < 0x10000) {
      lenBytes = new byte[] {(byte) 0x82, (byte) (len >> 8), (byte) len};
    } else {
      lenBytes = new byte[] {(byte) 0x83, (byte) (len >> 16), (byte) (len >> 8), (byte) len};
    }
    byte[] out = new byte[1 + lenBytes.length + len];
    out[0] = (byte) tag;
    System.arraycopy(lenBytes, 0, out, 1, lenBytes.length);
    System.arraycopy(value, 0, out, 1 + lenBytes.length, len);
    return out;
  }
}
