package dev.berth.storage.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.berth.api.errors.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RegistryAuthHeaderTest {
  private static final String JSON = "{\"username\":\"al?ce\",\"password\":\"p>ss~\",\"serveraddress\":\"reg:5000\","
      + "\"identitytoken\":\"\",\"email\":\"ignored@example.com\"}";

  @Test
  void decodesUrlSafeWithPadding() {
    AuthConfig a = RegistryAuthHeader.decode(Base64.getUrlEncoder().encodeToString(bytes(JSON)));
    assertEquals("al?ce", a.username());
    assertEquals("p>ss~", a.password());
    assertEquals("reg:5000", a.serverAddress());
  }

  @Test
  void decodesStandardAlphabetAndMissingPadding() {
    String std = Base64.getEncoder().withoutPadding().encodeToString(bytes(JSON));
    assertEquals("al?ce", RegistryAuthHeader.decode(std).username());
    String url = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(JSON));
    assertEquals("p>ss~", RegistryAuthHeader.decode(" " + url + "\n").password());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "e30=", "e30", "   "})
  void emptyOrEmptyObject_isAnonymous(String header) {
    AuthConfig a = RegistryAuthHeader.decode(header);
    assertFalse(a.hasBasic());
    assertEquals(AuthConfig.ANONYMOUS, a);
  }

  @Test
  void legacyAuthField_fillsUsernameAndPassword() {
    String json = "{\"auth\":\"" + Base64.getEncoder().encodeToString(bytes("bob:pw:with:colons")) + "\"}";
    AuthConfig a = RegistryAuthHeader.decodeJson(bytes(json));
    assertEquals("bob", a.username());
    assertEquals("pw:with:colons", a.password());
  }

  @Test
  void garbage_isInvalidParameterWithDockerdWording() {
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> RegistryAuthHeader.decode("!!!not base64"));
    assertEquals("invalid X-Registry-Auth header: must be a valid base64url-encoded string", e.getMessage());
    String notJson = Base64.getUrlEncoder().encodeToString(bytes("hello"));
    assertThrows(InvalidParameterException.class, () -> RegistryAuthHeader.decode(notJson));
    assertEquals(AuthConfig.ANONYMOUS, RegistryAuthHeader.decodeOrAnonymous(notJson));
  }

  @Test
  void toStringHidesSecrets() {
    String s = AuthConfig.basic("u", "topsecret").toString();
    assertFalse(s.contains("topsecret"));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
