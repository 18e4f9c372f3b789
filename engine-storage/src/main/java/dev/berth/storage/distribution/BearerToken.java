package dev.berth.storage.distribution;

import java.time.Instant;

/** A bearer token from a token server, with its expiry and, for logins, the refresh token it may carry. */
record BearerToken(String token, Instant expiresAt, String refreshToken) {

  boolean validAt(Instant now) {
    return now.plusSeconds(5).isBefore(expiresAt);
  }
}
