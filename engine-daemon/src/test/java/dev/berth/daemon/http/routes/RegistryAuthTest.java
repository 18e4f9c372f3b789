package dev.berth.daemon.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RegistryAuthTest {
  private static final String JSON = "{\"username\":\"alice\",\"password\":\"p+/w?\",\"serveraddress\":\"r:5000\"}";

  @Test
  void urlSafeAndStandardBase64_withOrWithoutPadding() {
    byte[] b = JSON.getBytes(StandardCharsets.UTF_8);
    for (String h : new String[] {Base64.getUrlEncoder().encodeToString(b), Base64.getEncoder().encodeToString(b),
        Base64.getUrlEncoder().withoutPadding().encodeToString(b)}) {
      var a = RegistryAuth.decode(" " + h + " ");
      assertEquals("alice", a.username());
      assertEquals("p+/w?", a.password());
      assertEquals("r:5000", a.serverAddress());
    }
  }

  @Test
  void missingOrBrokenHeader_isAnonymous_asDockerdsRoutesTreatIt() {
    assertNull(RegistryAuth.decode(null).username());
    assertNull(RegistryAuth.decode("e30=").username());
    assertNull(RegistryAuth.decode("!!!not base64").username());
    assertNull(RegistryAuth.decode(Base64.getEncoder().encodeToString("[1,2]".getBytes())).username());
  }
}
