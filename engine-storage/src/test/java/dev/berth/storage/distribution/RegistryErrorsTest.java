package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.berth.api.errors.EngineException;
import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.errors.UnauthorizedException;
import dev.berth.api.errors.UnavailableException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryErrorsTest {
  private static final RemoteReference X = RemoteReference.parse("127.0.0.1:5000/x:nope");
  private static final RemoteReference HUB = RemoteReference.parse("busybox:nope");

  private static RegistryResponseException response(int status, String contentType, String body,
      String... wwwAuthenticate) {
    Map<String, List<String>> h = new java.util.HashMap<>();
    if (contentType != null) {
      h.put("Content-Type", List.of(contentType));
    }
    if (wwwAuthenticate.length > 0) {
      h.put("WWW-Authenticate", List.of(wwwAuthenticate));
    }
    return RegistryErrors.fromResponse(status, HttpHeaders.of(h, (a, b) -> true),
        body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void manifestUnknownWithDetail_isDockerdNotFound() {
    var r = response(404, "application/json; charset=utf-8",
        "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\","
            + "\"detail\":{\"Tag\":\"nope\"}}]}");
    EngineException e = RegistryErrors.toPullException(r, X);
    assertInstanceOf(NotFoundException.class, e);
    assertEquals("manifest for 127.0.0.1:5000/x:nope not found: manifest unknown: manifest unknown", e.getMessage());
  }

  @Test
  void bareCodeWithoutDetail_printsJustTheCode_likeGhcr() {
    var r = response(404, "application/json",
        "{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest unknown\"}]}");
    EngineException e = RegistryErrors.toPullException(r, HUB);
    assertInstanceOf(NotFoundException.class, e);
    assertEquals("manifest unknown", e.getMessage());
  }

  @Test
  void deniedAndNameUnknown_onPull() {
    var denied = response(401, "application/json",
        "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\","
            + "\"detail\":[{\"Type\":\"repository\"}]},{\"code\":\"UNKNOWN\",\"message\":\"x\"}]}");
    assertEquals("pull access denied for busybox, repository does not exist or may require 'docker login': "
        + "denied: requested access to the resource is denied",
        RegistryErrors.toPullException(denied, HUB).getMessage());
    var name = response(404, "application/json",
        "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\","
            + "\"detail\":{\"name\":\"x\"}}]}");
    assertEquals("repository 127.0.0.1:5000/x not found: name unknown: repository name not known to registry",
        RegistryErrors.toPullException(name, X).getMessage());
  }

  @Test
  void deniedOnPush_isForbiddenWithRegistryText() {
    var r = response(403, "application/json",
        "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"requested access to the resource is denied\"}]}");
    EngineException e = RegistryErrors.toException(r);
    assertInstanceOf(ForbiddenException.class, e);
    assertEquals("denied", e.getMessage());
  }

  @Test
  void nonJsonBodies_useStatusDerivedCodes() {
    assertEquals("unauthorized: nope", response(401, "text/plain", "nope").getMessage());
    assertEquals("toomanyrequests: slow down", response(429, null, "slow down").getMessage());
    assertInstanceOf(UnavailableException.class, RegistryErrors.toException(response(429, null, "slow down")));
    assertEquals("unknown: 404 page not found", response(404, "text/plain", "404 page not found").getMessage());
    assertEquals("unauthorized: incorrect username or password",
        response(401, "application/json", "{\"details\":\"incorrect username or password\"}").getMessage());
  }

  @Test
  void unexpectedStatusAndUnparseableBodies() {
    var r = response(500, "application/json", "{}");
    assertEquals("received unexpected HTTP status: 500 Internal Server Error", r.getMessage());
    assertInstanceOf(SystemException.class, RegistryErrors.toException(r));
    assertEquals("error parsing HTTP 400 response body: no error details found in HTTP response body: \"{}\"",
        response(400, "application/json", "{}").getMessage());
    var unauth = response(401, "application/json", "{}");
    assertInstanceOf(UnauthorizedException.class, RegistryErrors.toException(unauth));
    assertEquals("unauthorized: authentication required", unauth.getMessage());
  }

  @Test
  void bearerErrorChallenge_isMergedFirst() {
    var r = response(403, "application/json",
        "{\"errors\":[{\"code\":\"DENIED\",\"message\":\"no\",\"detail\":1}]}",
        "Bearer realm=\"r\",error=\"insufficient_scope\",error_description=\"missing push\"");
    assertEquals("errors:\ndenied: missing push\ndenied: no\n", r.getMessage());
  }

  @Test
  void unknownCodes_readAsUnknown() {
    var r = response(400, "application/json", "{\"errors\":[{\"code\":\"TAG_EXPIRED\",\"message\":\"gone\"}]}");
    assertEquals("unknown: gone", r.getMessage());
  }
}
