package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointResolverTest {
  private static final HostResolver DNS = host -> {
    Map<String, String> table = Map.of("localhost", "127.0.0.1", "reg.internal", "10.1.2.3",
        "registry.example.com", "93.184.216.34", "10.1.2.3", "10.1.2.3", "127.0.0.1", "127.0.0.1", "::1", "::1");
    String ip = table.get(host);
    if (ip == null) {
      throw new UnknownHostException(host);
    }
    return new InetAddress[] {InetAddress.getByName(ip)};
  };

  private static List<String> urls(List<RegistryEndpoint> eps) {
    return eps.stream().map(e -> e.base() + (e.mirror() ? " mirror" : "") + (e.insecure() ? " insecure" : "")
        + (e.onlyAfterTlsHint() ? " after-tls-hint" : "")).toList();
  }

  @Test
  void dockerHub_usesMirrorsThenRegistry1_forPullsOnly() {
    var r = new EndpointResolver(RegistryConfig.of(List.of("https://mirror.example.com", "http://10.1.2.3:5000/"),
        List.of("10.0.0.0/8")), DNS);
    assertEquals(List.of("https://mirror.example.com/ mirror", "http://10.1.2.3:5000/ mirror insecure",
        "https://registry-1.docker.io/"), urls(r.pullEndpoints("docker.io")));
    assertEquals(List.of("https://registry-1.docker.io/"), urls(r.pushEndpoints("docker.io")));
    assertEquals(List.of("https://registry-1.docker.io/"), urls(r.loginEndpoints("https://index.docker.io/v1/")));
  }

  @Test
  void otherRegistries_ignoreHubMirrors() {
    var r = new EndpointResolver(RegistryConfig.of(List.of("https://mirror.example.com"), List.of()), DNS);
    assertEquals(List.of("https://registry.example.com/"), urls(r.pullEndpoints("registry.example.com")));
  }

  @Test
  void insecureByNameOrCidr_tryHttpsWithoutVerificationThenHttp() {
    var r = new EndpointResolver(RegistryConfig.of(List.of(), List.of("registry.example.com:5000",
        "10.0.0.0/8")), DNS);
    assertEquals(List.of("https://registry.example.com:5000/ insecure", "http://registry.example.com:5000/ insecure"),
        urls(r.pullEndpoints("registry.example.com:5000")));
    assertEquals(List.of("https://reg.internal/ insecure", "http://reg.internal/ insecure"),
        urls(r.pullEndpoints("reg.internal")));
    assertTrue(r.isSecure("registry.example.com"));
  }

  @Test
  void loopback_isInsecureByDefault_andGoesToHttpFirst() {
    var r = new EndpointResolver(RegistryConfig.defaults(), DNS);
    assertEquals(List.of("http://127.0.0.1:5000/ insecure", "https://127.0.0.1:5000/ insecure after-tls-hint"),
        urls(r.pullEndpoints("127.0.0.1:5000")));
    assertEquals(List.of("http://localhost:5000/ insecure", "https://localhost:5000/ insecure after-tls-hint"),
        urls(r.pushEndpoints("localhost:5000")));
    assertEquals(List.of("http://[::1]:5000/ insecure", "https://[::1]:5000/ insecure after-tls-hint"),
        urls(r.pullEndpoints("[::1]:5000")));
    assertFalse(r.isSecure("127.0.0.1:5000"));
  }

  @Test
  void configValidation_usesDockerdMessages() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> RegistryConfig.of(List.of("mirror.example.com"), List.of()));
    assertEquals("invalid mirror: no scheme specified for \"mirror.example.com\": must use either 'https://' or "
        + "'http://'", e.getMessage());
    assertThrows(InvalidParameterException.class, () -> RegistryConfig.of(List.of("ftp://m"), List.of()));
    assertEquals(List.of("reg:5000"), RegistryConfig.of(List.of(), List.of("http://reg:5000")).insecureRegistries());
  }
}
