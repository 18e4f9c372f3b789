package dev.berth.daemon.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.api.model.system.AuthConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaseImageAuthTest {
  private final AuthConfig local = AuthConfig.basic("127.0.0.1:5000", "u", "p");
  private final AuthConfig hub = AuthConfig.basic("https://index.docker.io/v1/", "h", "p");

  @Test
  void picksTheEntryOfTheImagesRegistry() {
    Map<String, AuthConfig> m = Map.of("127.0.0.1:5000", local, "https://index.docker.io/v1/", hub);
    assertEquals(local, BaseImageAuth.forImage(m, "127.0.0.1:5000/base:1"));
    assertEquals(hub, BaseImageAuth.forImage(m, "busybox"));
    assertNull(BaseImageAuth.forImage(m, "other.example:5000/x"));
    assertNull(BaseImageAuth.forImage(Map.of(), "busybox"));
  }

  @Test
  void keysMayBeUrls() {
    assertEquals(local, BaseImageAuth.forImage(Map.of("http://127.0.0.1:5000/v2/", local), "127.0.0.1:5000/b"));
    assertEquals(hub, BaseImageAuth.forImage(Map.of("index.docker.io", hub), "library/busybox:1"));
  }
}
