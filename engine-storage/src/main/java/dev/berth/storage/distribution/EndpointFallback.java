package dev.berth.storage.distribution;

import dev.berth.api.errors.EngineException;
import dev.berth.api.errors.InvalidParameterException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an operation against endpoints in order until one succeeds (moby {@code pullEndpoints} with
 * {@code continueOnError}). The next endpoint is tried after: a transport failure; a response that was not a
 * registry error (unexpected status, unparseable body, authorisation failures); any registry error when the
 * endpoint was a mirror; and engine errors other than invalid-parameter ones. A plain-HTTP endpoint is skipped
 * once the same host answered over TLS. The last error is what the caller sees.
 */
final class EndpointFallback {
  private static final Logger log = LoggerFactory.getLogger(EndpointFallback.class);

  private EndpointFallback() {}

  static <T> T run(List<RegistryEndpoint> endpoints, Function<RegistryEndpoint, RegistrySession> open,
      Function<RegistrySession, T> work) {
    RuntimeException last = null;
    boolean tlsHint = false;
    Set<String> confirmedTls = new HashSet<>();
    for (RegistryEndpoint ep : endpoints) {
      if ((ep.onlyAfterTlsHint() && !tlsHint) || (!ep.isHttps() && confirmedTls.contains(ep.hostPort()))) {
        continue;
      }
      RegistrySession session = open.apply(ep);
      try {
        session.ping();
        return work.apply(session);
      } catch (RuntimeException e) {
        if (session.pinged() && ep.isHttps()) {
          confirmedTls.add(ep.hostPort());
        }
        if (!shouldFallBack(e, ep.mirror())) {
          throw e;
        }
        tlsHint = e instanceof RegistryUnreachableException u && u.connected();
        log.info("Attempting next endpoint after error from {}: {}", ep, e.getMessage());
        last = preferred(last, e, ep);
      }
    }
    if (last == null) {
      throw new IllegalStateException("no registry endpoints");
    }
    throw last;
  }

  /** Keeps the plain-HTTP error of a loopback registry when the https retry also failed at the transport. */
  private static RuntimeException preferred(RuntimeException previous, RuntimeException current,
      RegistryEndpoint ep) {
    if (ep.onlyAfterTlsHint() && previous != null && current instanceof RegistryUnreachableException) {
      return previous;
    }
    return current;
  }

  static boolean shouldFallBack(RuntimeException e, boolean mirror) {
    if (e instanceof RegistryUnreachableException) {
      return true;
    }
    if (e instanceof RegistryResponseException r) {
      return mirror || r.errors().isEmpty() || r.wrapped();
    }
    if (e instanceof EngineException) {
      return !(e instanceof InvalidParameterException);
    }
    return false;
  }
}
