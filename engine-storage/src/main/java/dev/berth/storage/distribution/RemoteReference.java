package dev.berth.storage.distribution;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;

/**
 * A fully qualified image reference as the registry client needs it: the registry domain as the user wrote it
 * ({@code docker.io}, {@code 127.0.0.1:5000}), the repository path ({@code library/busybox}), and a tag and/or
 * digest. The daemon builds it from its own {@code ImageReference}; {@link #parse} exists for tests and tools.
 */
public record RemoteReference(String domain, String path, String tag, Digest digest) {
  public static final String DOCKER_HUB = "docker.io";

  public RemoteReference {
    if (domain == null || domain.isEmpty() || path == null || path.isEmpty()) {
      throw new InvalidParameterException("invalid reference format");
    }
  }

  /** Parses {@code [domain/]path[:tag][@digest]}, normalising Docker Hub names ({@code busybox} →
   * {@code docker.io/library/busybox}) and defaulting to {@code latest} when neither tag nor digest is given. */
  public static RemoteReference parse(String s) {
    String rest = s;
    Digest digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = Digest.parse(rest.substring(at + 1));
      rest = rest.substring(0, at);
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    String domain = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        domain = first;
        rest = rest.substring(slash + 1);
      }
    }
    if (domain.equals("index.docker.io")) {
      domain = DOCKER_HUB;
    }
    if (domain.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    if (!rest.matches("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*")) {
      throw new InvalidParameterException("invalid reference format");
    }
    if (tag == null && digest == null) {
      tag = "latest";
    }
    return new RemoteReference(domain, rest, tag, digest);
  }

  public RemoteReference withDigest(Digest d) {
    return new RemoteReference(domain, path, null, d);
  }

  public RemoteReference withTag(String t) {
    return new RemoteReference(domain, path, t, null);
  }

  /** {@code docker.io/library/busybox}: what "The push refers to repository [...]" prints. */
  public String name() {
    return domain + "/" + path;
  }

  /** {@code busybox}, {@code user/app}, {@code 127.0.0.1:5000/x}: reference.FamiliarName. */
  public String familiarName() {
    if (!domain.equals(DOCKER_HUB)) {
      return name();
    }
    return path.startsWith("library/") && path.indexOf('/', 8) < 0 ? path.substring(8) : path;
  }

  /** {@code busybox:latest}, {@code 127.0.0.1:5000/x@sha256:…}: reference.FamiliarString. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  /** The full string, {@code docker.io/library/busybox:latest}. */
  @Override
  public String toString() {
    return name() + suffix();
  }

  /** The tag, or the digest when pulling by digest: what the registry's manifests endpoint is asked for. */
  public String manifestReference() {
    return digest != null ? digest.toString() : tag;
  }

  /** The id of dockerd's "Pulling from" line: the tag, or the whole reference when pulling by digest. */
  public String pullingFromId() {
    return digest != null ? toString() : tag;
  }

  private String suffix() {
    return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }
}
