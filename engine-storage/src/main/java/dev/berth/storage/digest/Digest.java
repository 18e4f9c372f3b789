package dev.berth.storage.digest;

import dev.berth.api.errors.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A validated content digest such as {@code sha256:4b825dc6…}. Only sha256 and sha512 are accepted. */
public record Digest(String algorithm, String hex) implements Comparable<Digest> {
  private static final Pattern SHA256 = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern SHA512 = Pattern.compile("[a-f0-9]{128}");

  public Digest {
    Pattern p = switch (algorithm) {
      case "sha256" -> SHA256;
      case "sha512" -> SHA512;
      default -> throw new InvalidParameterException("unsupported digest algorithm: " + algorithm);
    };
    if (!p.matcher(hex).matches()) {
      throw new InvalidParameterException("invalid checksum digest format");
    }
  }

  /** Parses {@code algo:hex}; throws {@link InvalidParameterException} with Docker's message otherwise. */
  public static Digest parse(String s) {
    int i = s.indexOf(':');
    if (i <= 0) {
      throw new InvalidParameterException("invalid checksum digest format");
    }
    return new Digest(s.substring(0, i), s.substring(i + 1));
  }

  public static boolean isDigest(String s) {
    try {
      parse(s);
      return true;
    } catch (InvalidParameterException e) {
      return false;
    }
  }

  public static Digest sha256(byte[] data) {
    return new Digest("sha256", HexFormat.of().formatHex(newSha256().digest(data)));
  }

  public static Digest sha256(String utf8) {
    return sha256(utf8.getBytes(StandardCharsets.UTF_8));
  }

  public static Digest ofSha256(MessageDigest finished) {
    return new Digest("sha256", HexFormat.of().formatHex(finished.digest()));
  }

  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }

  /** The first 12 hex characters, as {@code docker images} shows IDs. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  @Override
  public int compareTo(Digest o) {
    return toString().compareTo(o.toString());
  }
}
