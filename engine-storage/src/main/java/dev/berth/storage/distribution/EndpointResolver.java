package dev.berth.storage.distribution;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which endpoints to try, in order, for a registry domain (moby {@code lookupV2Endpoints}).
 *
 * <ul>
 *   <li>{@code docker.io} (and {@code index.docker.io}, {@code registry-1.docker.io}): the configured mirrors
 *       (pulls only), then {@code https://registry-1.docker.io}.
 *   <li>a secure registry: {@code https://host} with the system CAs plus certs.d.
 *   <li>an insecure registry (insecure-registries by name or CIDR): {@code https://host} without verification,
 *       then {@code http://host}.
 *   <li>loopback (127.0.0.0/8, ::1 and names resolving only to them; always insecure): {@code http://host}
 *       first, and https without verification only if the http attempt hit a TLS server. dockerd tries https
 *       first here too; Berth does not, because some plain-HTTP servers never answer a TLS ClientHello, so the
 *       https attempt would hang until the connect timeout. Errors read the same (the http one is reported).
 * </ul>
 */
final class EndpointResolver {
  static final String HUB_HOST = "registry-1.docker.io";
  private static final List<Cidr> ALWAYS_INSECURE = List.of(Cidr.parse("127.0.0.0/8").orElseThrow(),
      Cidr.parse("::1/128").orElseThrow());

  private final RegistryConfig config;
  private final HostResolver dns;
  private final List<Cidr> insecureCidrs = new ArrayList<>(ALWAYS_INSECURE);
  private final List<String> insecureNames = new ArrayList<>();

  EndpointResolver(RegistryConfig config, HostResolver dns) {
    this.config = config;
    this.dns = dns;
    for (String r : config.insecureRegistries()) {
      Optional<Cidr> c = Cidr.parse(r);
      if (c.isPresent()) {
        insecureCidrs.add(c.get());
      } else {
        insecureNames.add(r);
      }
    }
  }

  static boolean isDockerHub(String domain) {
    return domain.equals(RemoteReference.DOCKER_HUB) || domain.equals("index.docker.io") || domain.equals(HUB_HOST);
  }

  List<RegistryEndpoint> pullEndpoints(String domain) {
    return endpoints(domain, true);
  }

  /** Push and login never use mirrors (credentials must not go to a mirror). */
  List<RegistryEndpoint> pushEndpoints(String domain) {
    return endpoints(domain, false);
  }

  /** For {@code POST /auth}: the server address may be a URL ({@code https://index.docker.io/v1/}) or a host. */
  List<RegistryEndpoint> loginEndpoints(String serverAddress) {
    if (serverAddress == null || serverAddress.isBlank()) {
      return endpoints(RemoteReference.DOCKER_HUB, false);
    }
    String s = serverAddress.strip();
    if (!s.startsWith("http://") && !s.startsWith("https://")) {
      s = "https://" + s;
    }
    return endpoints(URI.create(s).getRawAuthority(), false);
  }

  private List<RegistryEndpoint> endpoints(String domain, boolean withMirrors) {
    List<RegistryEndpoint> out = new ArrayList<>();
    if (isDockerHub(domain)) {
      if (withMirrors) {
        for (String m : config.mirrors()) {
          URI uri = URI.create(m);
          out.add(new RegistryEndpoint(uri, true, !isSecure(uri.getRawAuthority()), false));
        }
      }
      out.add(new RegistryEndpoint(URI.create("https://" + HUB_HOST + "/"), false, false, false));
      return out;
    }
    if (isSecure(domain)) {
      out.add(new RegistryEndpoint(URI.create("https://" + domain + "/"), false, false, false));
    } else if (isLoopback(domain)) {
      out.add(new RegistryEndpoint(URI.create("http://" + domain + "/"), false, true, false));
      out.add(new RegistryEndpoint(URI.create("https://" + domain + "/"), false, true, true));
    } else {
      out.add(new RegistryEndpoint(URI.create("https://" + domain + "/"), false, true, false));
      out.add(new RegistryEndpoint(URI.create("http://" + domain + "/"), false, true, false));
    }
    return out;
  }

  /** moby {@code isSecureIndex}: insecure when listed by name, or when an address of the host is in a CIDR. */
  boolean isSecure(String hostPort) {
    if (insecureNames.contains(hostPort)) {
      return false;
    }
    for (InetAddress a : addresses(hostPort)) {
      for (Cidr c : insecureCidrs) {
        if (c.contains(a)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean isLoopback(String hostPort) {
    List<InetAddress> addrs = addresses(hostPort);
    return !addrs.isEmpty() && addrs.stream().allMatch(InetAddress::isLoopbackAddress);
  }

  private List<InetAddress> addresses(String hostPort) {
    String host = host(hostPort);
    try {
      return List.of(dns.resolve(host));
    } catch (UnknownHostException | RuntimeException e) {
      return List.of();
    }
  }

  /** The host part of {@code host}, {@code host:port}, {@code [v6]:port}. */
  static String host(String hostPort) {
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      return hostPort.substring(1, end);
    }
    int colon = hostPort.lastIndexOf(':');
    return colon >= 0 && hostPort.indexOf(':') == colon ? hostPort.substring(0, colon) : hostPort;
  }
}
