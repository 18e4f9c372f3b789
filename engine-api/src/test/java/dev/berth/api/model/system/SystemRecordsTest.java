package dev.berth.api.model.system;

import static dev.berth.api.model.Wire.fixture;
import static dev.berth.api.model.Wire.read;
import static dev.berth.api.model.Wire.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class SystemRecordsTest {

  @Test
  void dockerLogin_readsAndRoundTrips() {
    String body = fixture("auth.json");
    AuthConfig auth = read(body, AuthConfig.class);
    assertEquals("a", auth.username());
    assertEquals("localhost:5999", auth.serverAddress());
    assertEquals(tree(body), tree(auth));
    assertFalse(auth.toString().contains("password=b"));
  }

  @Test
  void authKeys_areMatchedCaseInsensitivelyLikeGo() {
    AuthConfig auth = read("{\"Username\":\"u\",\"Password\":\"p\",\"ServerAddress\":\"r.io\",\"IdentityToken\":\"t\"}",
        AuthConfig.class);
    assertEquals(new AuthConfig("u", "p", null, null, "r.io", "t", null), auth);
  }

  @Test
  void authResponse() {
    assertEquals(tree("{\"IdentityToken\":\"\",\"Status\":\"Login Succeeded\"}"), tree(AuthResponse.succeeded(null)));
  }

  @Test
  void buildCache_parentsKeyKeepsGosLeadingSpace() {
    BuildCacheRecord r = new BuildCacheRecord("id1", null, List.of("p1"), "regular", "d", false, true, 10,
        "2025-06-01T10:00:00Z", null, 0);
    assertEquals(tree("{\"ID\":\"id1\",\" Parents\":[\"p1\"],\"Type\":\"regular\",\"Description\":\"d\","
        + "\"InUse\":false,\"Shared\":true,\"Size\":10,\"CreatedAt\":\"2025-06-01T10:00:00Z\","
        + "\"LastUsedAt\":null,\"UsageCount\":0}"), tree(r));
    assertEquals(List.of("p2"), read("{\"Parents\":[\"p2\"]}", BuildCacheRecord.class).parents());
  }
}
