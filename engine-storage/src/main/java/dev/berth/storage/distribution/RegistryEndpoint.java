package dev.berth.storage.distribution;

import java.net.URI;

/**
 * One place to talk Registry API V2 to: a base URL ({@code https://registry-1.docker.io/}, a mirror URL with an
 * optional path prefix, {@code http://127.0.0.1:5000/}), whether it is a mirror, and how TLS is checked.
 *
 * @param insecure for https: skip certificate verification (an insecure registry, as dockerd's
 *     {@code InsecureSkipVerify}); for http: irrelevant
 * @param onlyAfterTlsHint tried only when the previous endpoint showed signs of talking to a TLS server (Berth's
 *     loopback order is http first, then https; see {@link EndpointResolver})
 */
public record RegistryEndpoint(URI base, boolean mirror, boolean insecure, boolean onlyAfterTlsHint) {

  public RegistryEndpoint {
    String s = base.toString();
    if (!s.endsWith("/")) {
      base = URI.create(s + "/");
    }
  }

  public static RegistryEndpoint of(String url) {
    return new RegistryEndpoint(URI.create(url), false, false, false);
  }

  public boolean isHttps() {
    return base.getScheme().equals("https");
  }

  /** {@code host:port} as written in the URL (the key for certs.d and for connections). */
  public String hostPort() {
    return base.getRawAuthority();
  }

  /** The URL of {@code /v2/<path>} under this endpoint's base. */
  public URI v2(String path) {
    return base.resolve("v2/" + path);
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
