package dev.berth.storage.distribution;

import dev.berth.api.errors.InvalidParameterException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Registry settings from daemon.json: {@code registry-mirrors} (Docker Hub pull-through mirrors, tried before
 * the origin, exactly as dockerd), {@code insecure-registries} (host[:port] or CIDR; 127.0.0.0/8 and ::1/128 are
 * always insecure), the certificate directories searched for {@code <host>/ca.crt} and client
 * {@code <name>.cert}/{@code <name>.key} pairs, and the User-Agent sent to registries.
 */
public record RegistryConfig(
    List<String> mirrors, List<String> insecureRegistries, List<Path> certsDirs, String userAgent,
    Duration connectTimeout) {

  public static final List<Path> DEFAULT_CERTS_DIRS = List.of(Path.of("/etc/docker/certs.d"),
      Path.of("/etc/berth/certs.d"));

  public RegistryConfig {
    mirrors = normalizeMirrors(mirrors == null ? List.of() : mirrors);
    insecureRegistries = normalizeInsecure(insecureRegistries == null ? List.of() : insecureRegistries);
    certsDirs = certsDirs == null ? DEFAULT_CERTS_DIRS : List.copyOf(certsDirs);
    userAgent = userAgent == null || userAgent.isBlank() ? "berth" : userAgent;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(30) : connectTimeout;
  }

  public static RegistryConfig defaults() {
    return new RegistryConfig(List.of(), List.of(), DEFAULT_CERTS_DIRS, null, null);
  }

  public static RegistryConfig of(List<String> mirrors, List<String> insecureRegistries) {
    return new RegistryConfig(mirrors, insecureRegistries, DEFAULT_CERTS_DIRS, null, null);
  }

  /** moby {@code ValidateMirror}: a scheme is required; the result ends with "/". Duplicates are dropped. */
  private static List<String> normalizeMirrors(List<String> in) {
    LinkedHashSet<String> out = new LinkedHashSet<>();
    for (String m : in) {
      int sep = m.indexOf("://");
      if (sep <= 0) {
        throw new InvalidParameterException("invalid mirror: no scheme specified for \"" + m
            + "\": must use either 'https://' or 'http://'");
      }
      URI uri;
      try {
        uri = new URI(m);
      } catch (URISyntaxException e) {
        throw new InvalidParameterException("invalid mirror: \"" + m + "\" is not a valid URI", e);
      }
      if (!uri.getScheme().equals("http") && !uri.getScheme().equals("https")) {
        throw new InvalidParameterException("invalid mirror: unsupported scheme \"" + uri.getScheme() + "\" in \""
            + m + "\": must use either 'https://' or 'http://'");
      }
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new InvalidParameterException("invalid mirror: query or fragment at end of the URI \"" + m + "\"");
      }
      if (uri.getRawUserInfo() != null) {
        throw new InvalidParameterException("invalid mirror: username/password not allowed in URI \"" + m + "\"");
      }
      out.add(m.endsWith("/") ? m : m + "/");
    }
    return List.copyOf(out);
  }

  private static List<String> normalizeInsecure(List<String> in) {
    List<String> out = new ArrayList<>();
    for (String r : in) {
      int sep = r.indexOf("://");
      if (sep >= 0) {
        String scheme = r.substring(0, sep).toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
          throw new InvalidParameterException("insecure registry " + r + " should not contain '://'");
        }
        r = r.substring(sep + 3);
      }
      if (r.isEmpty() || r.startsWith("-") || r.endsWith("-")) {
        throw new InvalidParameterException("insecure registry " + r + " is not valid");
      }
      out.add(r);
    }
    return List.copyOf(out);
  }
}
