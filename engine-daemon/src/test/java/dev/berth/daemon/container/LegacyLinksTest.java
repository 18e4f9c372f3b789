package dev.berth.daemon.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.berth.api.model.container.HostConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyLinksTest {
  private static final Map<String, String> NAMES = Map.of("db", "/db", "abc123", "/cache");

  private static List<String> inspect(String mode, List<String> links) {
    HostConfig.Builder b = new HostConfig.Builder();
    b.networkMode = mode;
    b.links = links;
    return LegacyLinks.forInspect(b.build(), "/web", n -> Optional.ofNullable(NAMES.get(n)));
  }

  @Test
  void defaultBridge_showsChildAndParentPaths() {
    assertEquals(List.of("/db:/web/x", "/db:/web/db", "/cache:/web/c"),
        inspect("default", List.of("db:x", "/db", "abc123:c")));
    assertEquals(List.of("/db:/web/db"), inspect("bridge", List.of("db", "gone:g")));
  }

  @Test
  void userDefinedNetworksAndNoLinks_showNull() {
    assertNull(inspect("proj_default", List.of("db:x")));
    assertNull(inspect("bridge", List.of()));
    assertNull(inspect("bridge", null));
  }
}
