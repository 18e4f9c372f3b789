package dev.berth.daemon.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ContainerInspectCompatTest {
  private static final ObjectMapper M = new ObjectMapper();

  @Test
  void below145_userDefinedNetworksListShortIdAndHostname() throws Exception {
    ObjectNode n = (ObjectNode) M.readTree("{\"Id\":\"0123456789abcdef0123\",\"Config\":{\"Hostname\":\"webhost\"},"
        + "\"NetworkSettings\":{\"Networks\":{\"bridge\":{\"Aliases\":null},"
        + "\"front\":{\"Aliases\":[\"web\",\"0123456789ab\"]},\"back\":{\"Aliases\":null}}}}");
    ContainerInspectCompat.below145(n);
    assertEquals(M.readTree("[\"web\",\"0123456789ab\",\"webhost\"]"),
        n.at("/NetworkSettings/Networks/front/Aliases"));
    assertEquals(M.readTree("[\"0123456789ab\",\"webhost\"]"), n.at("/NetworkSettings/Networks/back/Aliases"));
    assertEquals(true, n.at("/NetworkSettings/Networks/bridge/Aliases").isNull());
  }
}
