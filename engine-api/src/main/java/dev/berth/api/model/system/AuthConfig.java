package dev.berth.api.model.system;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Registry credentials (Go {@code registry.AuthConfig}, swagger {@code AuthConfig}): the body of
 * {@code POST /auth} and, base64url-encoded, the {@code X-Registry-Auth} header of pull/push. Lower-case keys,
 * all {@code omitempty}. Go decodes keys case-insensitively, and so does this record. {@code auth} is the
 * legacy base64 {@code user:password} of {@code config.json}; {@code email} is deprecated and ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record AuthConfig(
    @JsonProperty("username") @JsonInclude(Include.NON_EMPTY) String username,
    @JsonProperty("password") @JsonInclude(Include.NON_EMPTY) String password,
    @JsonProperty("auth") @JsonInclude(Include.NON_EMPTY) String auth,
    @JsonProperty("email") @JsonInclude(Include.NON_EMPTY) String email,
    @JsonProperty("serveraddress") @JsonInclude(Include.NON_EMPTY) String serverAddress,
    @JsonProperty("identitytoken") @JsonInclude(Include.NON_EMPTY) String identityToken,
    @JsonProperty("registrytoken") @JsonInclude(Include.NON_EMPTY) String registryToken) {

  public static AuthConfig basic(String serverAddress, String username, String password) {
    return new AuthConfig(username, password, null, null, serverAddress, null, null);
  }

  /** No credentials at all (anonymous pull), what an absent or empty header decodes to. */
  public static AuthConfig anonymous() {
    return new AuthConfig(null, null, null, null, null, null, null);
  }

  @Override
  public String toString() {
    return "AuthConfig[username=" + username + ", serverAddress=" + serverAddress + ", secrets=<redacted>]";
  }
}
