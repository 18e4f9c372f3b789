package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.SystemException;
import dev.berth.api.errors.UnauthorizedException;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryLoginTest {
  private FakeRegistry reg;
  private RegistryClient client;
  private RegistryLogin login;

  @BeforeEach
  void setUp() throws Exception {
    reg = new FakeRegistry();
    client = RegistryTestSupport.client();
    login = new RegistryLogin(client);
  }

  @AfterEach
  void tearDown() {
    client.close();
    reg.close();
  }

  private AuthConfig creds(String password) {
    return new AuthConfig("alice", password, null, reg.host(), null, null);
  }

  @Test
  void basic_goodCredentials_succeed() {
    reg.auth = FakeRegistry.Auth.BASIC;
    LoginResult r = login.login(creds("secret"));
    assertEquals("Login Succeeded", r.status());
    assertNull(r.identityToken());
  }

  @Test
  void basic_badCredentials_areUnauthorizedWithDockerdMessage() {
    reg.auth = FakeRegistry.Auth.BASIC;
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> login.login(creds("wrong")));
    assertEquals("login attempt to http://" + reg.host() + "/v2/ failed with status: 401 Unauthorized",
        e.getMessage());
  }

  @Test
  void bearer_goodCredentials_returnRefreshTokenAsIdentityToken() {
    reg.auth = FakeRegistry.Auth.BEARER;
    LoginResult r = login.login(new AuthConfig("alice", "secret", null, "http://" + reg.host() + "/", null, null));
    assertEquals("Login Succeeded", r.status());
    assertEquals("refresh-1", r.identityToken());
    assertEquals(1, reg.count("GET /token?service=fake&offline_token=true&client_id=docker&account=alice"),
        reg.requests.toString());
  }

  @Test
  void bearer_badCredentials_carryTheTokenServersMessage() {
    reg.auth = FakeRegistry.Auth.BEARER;
    UnauthorizedException e = assertThrows(UnauthorizedException.class, () -> login.login(creds("wrong")));
    assertEquals("Get \"http://" + reg.host() + "/v2/\": unauthorized: incorrect username or password",
        e.getMessage());
  }

  @Test
  void registryWithoutAuth_acceptsAnyLogin() {
    assertEquals("Login Succeeded", login.login(creds("whatever")).status());
  }

  @Test
  void unreachableRegistry_isSystemErrorWithGoMessage() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    SystemException e = assertThrows(SystemException.class, () -> login.login(
        new AuthConfig("a", "b", null, "127.0.0.1:" + port, null, null)));
    assertEquals("Get \"http://127.0.0.1:" + port + "/v2/\": dial tcp 127.0.0.1:" + port
        + ": connect: connection refused", e.getMessage());
  }
}
