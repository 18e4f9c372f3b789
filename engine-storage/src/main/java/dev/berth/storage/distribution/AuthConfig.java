package dev.berth.storage.distribution;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Registry credentials as the Docker API carries them ({@code X-Registry-Auth}, {@code POST /auth} body).
 * {@code auth} is the legacy base64 {@code user:password} form; it fills username/password when those are empty.
 * Never log instances: {@link #toString()} hides the secrets.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthConfig(
    @JsonProperty("username") String username,
    @JsonProperty("password") String password,
    @JsonProperty("auth") String auth,
    @JsonProperty("serveraddress") String serverAddress,
    @JsonProperty("identitytoken") String identityToken,
    @JsonProperty("registrytoken") String registryToken) {
  public static final AuthConfig ANONYMOUS = new AuthConfig(null, null, null, null, null, null);

  public AuthConfig {
    if ((username == null || username.isEmpty()) && auth != null && !auth.isEmpty()) {
      try {
        String decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon > 0) {
          username = decoded.substring(0, colon);
          password = password == null || password.isEmpty() ? decoded.substring(colon + 1) : password;
        }
      } catch (IllegalArgumentException ignored) {
        // as dockerd: a broken legacy "auth" field is simply not used
      }
    }
  }

  public static AuthConfig basic(String username, String password) {
    return new AuthConfig(username, password, null, null, null, null);
  }

  /** Username and password both present (what Go's basic handler requires before sending them). */
  public boolean hasBasic() {
    return username != null && !username.isEmpty() && password != null && !password.isEmpty();
  }

  public boolean hasIdentityToken() {
    return identityToken != null && !identityToken.isEmpty();
  }

  public boolean hasRegistryToken() {
    return registryToken != null && !registryToken.isEmpty();
  }

  /** A key that separates token-cache entries of different credentials without holding the secrets. */
  String cacheKey() {
    String all = username + "\0" + password + "\0" + identityToken + "\0" + registryToken;
    return dev.berth.storage.digest.Digest.sha256(all).shortHex();
  }

  @Override
  public String toString() {
    return "AuthConfig[username=" + username + ", serveraddress=" + serverAddress + "]";
  }
}
