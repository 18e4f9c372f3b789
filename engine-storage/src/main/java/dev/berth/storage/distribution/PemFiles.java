package dev.berth.storage.distribution;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
 * Reads PEM certificates and private keys as Go's {@code tls.LoadX509KeyPair} accepts them: PKCS#8
 * ({@code PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}) and SEC1 EC ({@code EC PRIVATE KEY}). The JDK reads
 * only PKCS#8, so the other two are wrapped into a PKCS#8 structure first.
 */
final class PemFiles {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");
  private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
  private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

  private PemFiles() {}

  static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
    try (var in = Files.newInputStream(file)) {
      return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
          .map(c -> (X509Certificate) c).toList();
    }
  }

  static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
    Matcher m = BLOCK.matcher(Files.readString(file));
    while (m.find()) {
      byte[] der = Base64.getMimeDecoder().decode(m.group(2));
      switch (m.group(1)) {
        case "PRIVATE KEY" -> {
          return pkcs8(der);
        }
        case "RSA PRIVATE KEY" -> {
          return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
              sequence(concat(hex("020100"), RSA_ALGORITHM, tlv(0x04, der)))));
        }
        case "EC PRIVATE KEY" -> {
          byte[] alg = sequence(concat(EC_PUBLIC_KEY_OID, curveOid(der)));
          return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
              sequence(concat(hex("020100"), alg, tlv(0x04, der)))));
        }
        default -> { }
      }
    }
    throw new GeneralSecurityException("no private key found in " + file);
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String alg : List.of("RSA", "EC", "Ed25519", "Ed448")) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  /** The named-curve OID inside a SEC1 ECPrivateKey's {@code [0] parameters}, as a complete TLV. */
  private static byte[] curveOid(byte[] sec1) throws GeneralSecurityException {
    var in = new ByteArrayInputStream(sec1);
    if (in.read() != 0x30) {
      throw new GeneralSecurityException("malformed EC private key");
    }
    readLength(in);
    while (in.available() > 0) {
      int tag = in.read();
      int len = readLength(in);
      byte[] body = new byte[len];
      if (in.read(body, 0, len) != len) {
        break;
      }
      if (tag == 0xa0) {
        return body;
      }
    }
    throw new GeneralSecurityException("EC private key without named curve");
  }

  private static int readLength(ByteArrayInputStream in) {
    int b = in.read();
    if (b < 0x80) {
      return b;
    }
    int n = 0;
    for (int i = 0; i < (b & 0x7f); i++) {
      n = (n << 8) | in.read();
    }
    return n;
  }

  private static byte[] sequence(byte[] body) {
    return tlv(0x30, body);
  }

  private static byte[] tlv(int tag, byte[] body) {
    var out = new ByteArrayOutputStream();
    out.write(tag);
    int len = body.length;
    if (len < 0x80) {
      out.write(len);
    } else if (len < 0x100) {
      out.write(0x81);
      out.write(len);
    } else if (len < 0x10000) {
      out.write(0x82);
      out.write(len >> 8);
      out.write(len & 0xff);
    } else {
      out.write(0x83);
      out.write(len >> 16);
      out.write((len >> 8) & 0xff);
      out.write(len & 0xff);
    }
    out.writeBytes(body);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    var out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static byte[] hex(String s) {
    return java.util.HexFormat.of().parseHex(s);
  }
}
