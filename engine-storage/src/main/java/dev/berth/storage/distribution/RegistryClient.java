package dev.berth.storage.distribution;

import java.time.Clock;
import java.util.function.Function;

/**
 * The daemon's registry client: endpoint resolution, TLS, authentication and token caching, shared by every
 * pull, push, login and distribution inspect. Create one per daemon (and close it at shutdown); operations are
 * {@link ImagePuller}, {@link ImagePusher}, {@link RegistryLogin} and {@link DistributionInspector}.
 */
public final class RegistryClient implements AutoCloseable {
  private final EndpointResolver resolver;
  private final RegistryHttp http;
  private final TokenClient tokens;

  public RegistryClient(RegistryConfig config) {
    this(config, HostResolver.SYSTEM, Clock.systemUTC());
  }

  RegistryClient(RegistryConfig config, HostResolver dns, Clock clock) {
    this.resolver = new EndpointResolver(config, dns);
    this.http = new RegistryHttp(config);
    this.tokens = new TokenClient(http, new TokenCache(clock));
  }

  /** Runs {@code work} against the pull endpoints (mirrors first) with fallback; errors are untranslated. */
  <T> T withPullSession(RemoteReference ref, AuthConfig auth, Function<RegistrySession, T> work) {
    return EndpointFallback.run(resolver.pullEndpoints(ref.domain()),
        ep -> session(ep, ref.path(), "pull", auth, false), work);
  }

  /** Runs {@code work} against the push endpoints (no mirrors) with pull+push scope. */
  <T> T withPushSession(RemoteReference ref, AuthConfig auth, Function<RegistrySession, T> work) {
    return EndpointFallback.run(resolver.pushEndpoints(ref.domain()),
        ep -> session(ep, ref.path(), "pull,push", auth, false), work);
  }

  RegistrySession session(RegistryEndpoint ep, String repository, String actions, AuthConfig auth,
      boolean offline) {
    return new RegistrySession(http, tokens, ep, repository, actions, auth, offline);
  }

  EndpointResolver resolver() {
    return resolver;
  }

  @Override
  public void close() {
    http.close();
  }
}
