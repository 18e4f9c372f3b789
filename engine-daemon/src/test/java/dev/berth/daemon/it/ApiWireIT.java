package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Exact status codes, headers and bodies on the wire, over one keep-alive connection where possible. */
@ExtendWith(DaemonExtension.class)
class ApiWireIT {

  @Test
  void tooNewVersion_is400WithDockerdMessage(BerthDaemon d) throws Exception {
    try (RawHttp http = new RawHttp(d.socket())) {
      RawHttp.Response r = http.get("/v9.99/version");
      assertEquals(400, r.status());
      assertEquals("{\"message\":\"client version 9.99 is too new. Maximum supported API version is 1.50\"}",
          r.body().strip());
      assertEquals("application/json", r.header("content-type"));
    }
  }

  @Test
  void tooOldVersion_is400(BerthDaemon d) throws Exception {
    try (RawHttp http = new RawHttp(d.socket())) {
      RawHttp.Response r = http.get("/v1.12/info");
      assertEquals(400, r.status());
      assertTrue(r.body().contains("client version 1.12 is too old. Minimum supported API version is 1.24"));
    }
  }

  @Test
  void unknownPath_is404PageNotFound(BerthDaemon d) throws Exception {
    try (RawHttp http = new RawHttp(d.socket())) {
      RawHttp.Response r = http.get("/v1.50/nothing");
      assertEquals(404, r.status());
      assertEquals("{\"message\":\"page not found\"}", r.body().strip());
      assertEquals(404, http.get("/nothing").status());
    }
  }

  @Test
  void headPing_hasTheHeadersClientsNegotiateWith(BerthDaemon d) throws Exception {
    try (RawHttp http = new RawHttp(d.socket())) {
      RawHttp.Response r = http.head("/_ping");
      assertEquals(200, r.status());
      assertEquals("1.50", r.header("Api-Version"));
      assertEquals("1", r.header("Builder-Version"));
      assertEquals("false", r.header("Docker-Experimental"));
      assertEquals("linux", r.header("Ostype"));
      assertEquals("inactive", r.header("Swarm"));
      assertEquals("no-cache, no-store, must-revalidate", r.header("Cache-Control"));
      assertEquals("no-cache", r.header("Pragma"));
      assertEquals("0", r.header("Content-Length"));
      RawHttp.Response g = http.get("/v1.47/_ping");
      assertEquals("OK", g.body());
      assertTrue(g.header("Server").startsWith("Docker/"));
    }
  }

  @Test
  void everyResponse_carriesIdentityHeaders(BerthDaemon d) throws Exception {
    try (RawHttp http = new RawHttp(d.socket())) {
      for (String path : new String[] {"/version", "/v1.24/info", "/v1.50/nothing"}) {
        RawHttp.Response r = http.get(path);
        assertEquals("1.50", r.header("Api-Version"), path);
        assertEquals("linux", r.header("Ostype"), path);
        assertNotNull(r.header("Server"), path);
      }
    }
  }

  @Test
  void versionBody_hasDockerShape(BerthDaemon d) throws Exception {
    try (RawHttp http = new RawHttp(d.socket())) {
      String body = http.get("/v1.50/version").body();
      for (String key : new String[] {"\"Platform\":{\"Name\":", "\"Components\":[{\"Name\":\"Engine\"",
          "\"ApiVersion\":\"1.50\"", "\"MinAPIVersion\":\"1.24\"", "\"Os\":\"linux\"", "\"Arch\":",
          "\"KernelVersion\":", "\"GitCommit\":", "\"GoVersion\":", "\"BuildTime\":"}) {
        assertTrue(body.contains(key), key + " in " + body);
      }
    }
  }

  @Test
  void eventFilters_acceptBothJsonForms(BerthDaemon d) throws Exception {
    try (RawHttp http = new RawHttp(d.socket())) {
      long now = System.currentTimeMillis() / 1000;
      for (String f : new String[] {"{\"type\":{\"container\":true}}", "{\"type\":[\"container\"]}"}) {
        RawHttp.Response r = http.get("/v1.50/events?since=" + (now - 60) + "&until=" + (now - 1)
            + "&filters=" + URLEncoder.encode(f, StandardCharsets.UTF_8));
        assertEquals(200, r.status(), f);
      }
      // moby's getEvents (28.x and master) only parses the JSON: unknown keys are not an error.
      RawHttp.Response unknown = http.get("/v1.50/events?until=" + (now - 1) + "&filters="
          + URLEncoder.encode("{\"nope\":[\"x\"]}", StandardCharsets.UTF_8));
      assertEquals(200, unknown.status());
      RawHttp.Response bad = http.get("/v1.50/events?until=" + (now - 1) + "&filters="
          + URLEncoder.encode("{not json", StandardCharsets.UTF_8));
      assertEquals(400, bad.status(), bad.body());
    }
  }

  @Test
  void badJsonBody_is400(BerthDaemon d) throws Exception {
    try (RawHttp http = new RawHttp(d.socket())) {
      RawHttp.Response r = http.send("POST", "/v1.50/swarm/init", "application/json", "{not json");
      assertEquals(400, r.status(), r.body());
      assertTrue(r.body().contains("invalid JSON"), r.body());
      assertEquals(200, http.get("/_ping").status(), "connection still usable");
    }
  }
}
