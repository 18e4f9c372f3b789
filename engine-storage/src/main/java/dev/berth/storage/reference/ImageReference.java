package dev.berth.storage.reference;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * A normalized image reference ({@code docker.io/library/busybox:latest}, {@code localhost:5000/a/b@sha256:…}),
 * parsed like distribution/reference's {@code ParseNormalizedNamed}. {@code tag} and {@code digest} are null when
 * absent; both may be present. {@link #toString()} is the full form, {@link #familiarString()} the one users see.
 */
public record ImageReference(String domain, String path, String tag, Digest digest) {
  public static final String DEFAULT_DOMAIN = "docker.io";
  private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
  private static final String OFFICIAL_PREFIX = "library/";
  public static final String DEFAULT_TAG = "latest";

  public ImageReference {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(path, "path");
  }

  /**
   * Parses what a user typed, adding Docker Hub's domain and {@code library/} where Docker does. Throws
   * {@link InvalidParameterException} with distribution/reference's messages.
   */
  public static ImageReference parse(String s) {
    if (ReferenceGrammar.IDENTIFIER.matcher(s).matches()) {
      throw new InvalidParameterException(
          "invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
    }
    String[] split = splitDockerDomain(s);
    String remainder = split[1];
    int tagSep = remainder.indexOf(':');
    String remote = tagSep > -1 ? remainder.substring(0, tagSep) : remainder;
    if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
      throw new InvalidParameterException(
          "invalid reference format: repository name (" + remote + ") must be lowercase");
    }
    return parseCanonical(split[0] + "/" + remainder);
  }

  /** Parses an already normalized (full) reference without adding defaults (distribution's {@code Parse}). */
  static ImageReference parseCanonical(String s) {
    if (s.isEmpty()) {
      throw new InvalidParameterException("repository name must have at least one component");
    }
    Matcher m = ReferenceGrammar.REFERENCE.matcher(s);
    if (!m.matches()) {
      String lower = s.toLowerCase(Locale.ROOT);
      if (!lower.equals(s) && ReferenceGrammar.REFERENCE.matcher(lower).matches()) {
        throw new InvalidParameterException("repository name must be lowercase");
      }
      throw new InvalidParameterException("invalid reference format");
    }
    Matcher name = ReferenceGrammar.ANCHORED_NAME.matcher(m.group(1));
    if (!name.matches() || name.group(1) == null) {
      throw new InvalidParameterException("invalid reference format");
    }
    if (name.group(2).length() > ReferenceGrammar.NAME_TOTAL_LENGTH_MAX) {
      throw new InvalidParameterException("repository name must not be more than 255 characters");
    }
    Digest digest = m.group(3) == null ? null : Digest.parse(m.group(3));
    return new ImageReference(name.group(1), name.group(2), m.group(2), digest);
  }

  /** {@code [domain, remainder]}; remainder still carries tag and digest. */
  private static String[] splitDockerDomain(String name) {
    int slash = name.indexOf('/');
    if (slash < 0) {
      return new String[] {DEFAULT_DOMAIN, OFFICIAL_PREFIX + name};
    }
    String maybeDomain = name.substring(0, slash);
    String rest = name.substring(slash + 1);
    String domain;
    String remote;
    if (maybeDomain.equals("localhost")) {
      domain = maybeDomain;
      remote = rest;
    } else if (maybeDomain.equals(LEGACY_DEFAULT_DOMAIN)) {
      domain = DEFAULT_DOMAIN;
      remote = rest;
    } else if (maybeDomain.contains(".") || maybeDomain.contains(":")
        || !maybeDomain.toLowerCase(Locale.ROOT).equals(maybeDomain)) {
      domain = maybeDomain;
      remote = rest;
    } else {
      domain = DEFAULT_DOMAIN;
      remote = name;
    }
    if (domain.equals(DEFAULT_DOMAIN) && remote.indexOf('/') < 0) {
      remote = OFFICIAL_PREFIX + remote;
    }
    return new String[] {domain, remote};
  }

  /** Validates a tag as {@code WithTag} does. */
  public static void checkTag(String tag) {
    if (!ReferenceGrammar.ANCHORED_TAG.matcher(tag).matches()) {
      throw new InvalidParameterException("invalid tag format");
    }
  }

  /** {@code domain/path}, e.g. {@code docker.io/library/busybox}. */
  public String name() {
    return domain + "/" + path;
  }

  /** The name as users see it: {@code busybox}, {@code user/app}, {@code localhost:5000/app}. */
  public String familiarName() {
    if (domain.equals(DEFAULT_DOMAIN)) {
      if (path.startsWith(OFFICIAL_PREFIX) && path.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
        return path.substring(OFFICIAL_PREFIX.length());
      }
      return path;
    }
    return name();
  }

  /** Familiar name plus tag and digest, e.g. {@code busybox:latest}. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  public boolean isNameOnly() {
    return tag == null && digest == null;
  }

  public boolean hasTag() {
    return tag != null;
  }

  public boolean hasDigest() {
    return digest != null;
  }

  /** Adds {@code :latest} when the reference has neither tag nor digest ({@code TagNameOnly}). */
  public ImageReference withDefaultTag() {
    return isNameOnly() ? new ImageReference(domain, path, DEFAULT_TAG, null) : this;
  }

  public ImageReference withTag(String newTag) {
    checkTag(newTag);
    return new ImageReference(domain, path, newTag, digest);
  }

  public ImageReference withDigest(Digest newDigest) {
    return new ImageReference(domain, path, tag, newDigest);
  }

  /** The bare repository name ({@code TrimNamed}). */
  public ImageReference nameOnly() {
    return new ImageReference(domain, path, null, null);
  }

  private String suffix() {
    return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  @Override
  public String toString() {
    return name() + suffix();
  }
}
