package dev.berth.storage.distribution;

/** The body of {@code POST /auth}: {@code {"Status":"Login Succeeded","IdentityToken":"…"}}. */
public record LoginResult(String status, String identityToken) {
  public static final String SUCCEEDED = "Login Succeeded";
}
