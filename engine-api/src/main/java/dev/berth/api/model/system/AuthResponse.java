package dev.berth.api.model.system;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Response of {@code POST /auth} (Go {@code registry.AuthenticateOKBody}): {@code Status} is
 * {@code "Login Succeeded"}; {@code IdentityToken} is empty unless the registry issued a refresh token. Both keys
 * are always written.
 */
public record AuthResponse(
    @JsonProperty("IdentityToken") String identityToken,
    @JsonProperty("Status") String status) {

  public static final String LOGIN_SUCCEEDED = "Login Succeeded";

  public static AuthResponse succeeded(String identityToken) {
    return new AuthResponse(identityToken == null ? "" : identityToken, LOGIN_SUCCEEDED);
  }
}
