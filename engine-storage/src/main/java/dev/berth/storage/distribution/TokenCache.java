package dev.berth.storage.distribution;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens by (realm, service, scope set, credentials), kept until they expire. Shared by all sessions, so
 * parallel layer downloads of one pull, and consecutive pulls, reuse one token.
 */
final class TokenCache {
  private final Map<String, BearerToken> tokens = new ConcurrentHashMap<>();
  private final Clock clock;

  TokenCache(Clock clock) {
    this.clock = clock;
  }

  static String key(AuthChallenge challenge, java.util.Collection<String> scopes, AuthConfig auth) {
    return challenge.param("realm") + "|" + challenge.param("service") + "|" + String.join(" ", new TreeSet<>(scopes))
        + "|" + auth.cacheKey();
  }

  Optional<BearerToken> get(String key) {
    BearerToken t = tokens.get(key);
    if (t != null && !t.validAt(clock.instant())) {
      tokens.remove(key, t);
      return Optional.empty();
    }
    return Optional.ofNullable(t);
  }

  void put(String key, BearerToken token) {
    tokens.put(key, token);
  }

  Clock clock() {
    return clock;
  }
}
