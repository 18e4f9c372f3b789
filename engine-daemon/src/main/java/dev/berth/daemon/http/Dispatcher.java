package dev.berth.daemon.http;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matches a request to a route, with or without the {@code /v{version}} prefix, and checks the version the way
 * moby's version middleware does: unknown paths are a 404 whatever the version; known ones get the 400 for a
 * version out of range.
 */
public final class Dispatcher {
  private static final Pattern VERSIONED = Pattern.compile("/v([0-9.]+)(/.*)");

  private volatile List<Route> routes;
  private final java.util.concurrent.CompletableFuture<Void> ready = new java.util.concurrent.CompletableFuture<>();

  /** A dispatcher serving all of {@code routers} at once. */
  public Dispatcher(List<Router> routers) {
    this.routes = flatten(routers);
    ready.complete(null);
  }

  private Dispatcher(Router early, boolean starting) {
    this.routes = flatten(List.of(early));
  }

  /**
   * A dispatcher for a daemon that is still starting: it serves {@code early} (the ping) at once; every other
   * request waits until {@link #install} (or fails with the startup error), so clients never see a 404 for a
   * route that merely is not wired yet.
   */
  public static Dispatcher starting(Router early) {
    return new Dispatcher(early, true);
  }

  /** Serves {@code routers} from now on and releases the requests that waited. */
  public void install(List<Router> routers) {
    this.routes = flatten(routers);
    ready.complete(null);
  }

  /** Startup failed: waiting requests get this error. */
  public void fail(Throwable cause) {
    ready.completeExceptionally(cause);
  }

  private static List<Route> flatten(List<Router> routers) {
    List<Route> all = new ArrayList<>();
    routers.forEach(r -> all.addAll(r.routes()));
    return List.copyOf(all);
  }

  /** A resolved request: the route, its path parameters and the API version to serve. */
  public record Match(Route route, Map<String, String> params, String version, String path) {}

  public Match resolve(HttpMethod method, String rawPath) {
    String path = rawPath;
    String version = null;
    Matcher vm = VERSIONED.matcher(rawPath);
    if (vm.matches()) {
      version = vm.group(1);
      path = vm.group(2);
    }
    if (!ready.isDone() && !path.equals("/_ping")) {
      try {
        ready.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw new dev.berth.api.errors.UnavailableException("the daemon failed to start: "
            + e.getCause().getMessage(), e.getCause());
      }
    }
    HttpMethod lookup = method.equals(HttpMethod.HEAD) ? HttpMethod.HEAD : method;
    Match found = find(lookup, path, version);
    if (found == null && method.equals(HttpMethod.HEAD)) {
      found = find(HttpMethod.GET, path, version);
    }
    if (found == null) {
      throw new NotFoundException("page not found");
    }
    if (version != null) {
      ApiVersion.checkSupported(version);
    }
    if (ApiVersion.lessThan(found.version(), found.route().minApiVersion())) {
      throw new InvalidParameterException("client version " + found.version()
          + " is too old. Minimum supported API version is " + found.route().minApiVersion()
          + ", please upgrade your client to a newer version");
    }
    return found;
  }

  private Match find(HttpMethod method, String path, String version) {
    for (Route r : routes) {
      if (!r.method().equals(method)) {
        continue;
      }
      Map<String, String> params = r.match(path);
      if (params != null) {
        return new Match(r, params, version == null ? ApiVersion.MAX : version, path);
      }
    }
    return null;
  }
}
