package dev.berth.daemon.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API route: a method, a path template ({@code /containers/{name}/json}; {@code {name:.*}} spans slashes, for
 * image names like {@code a/b:c}) and the handler. The version prefix is added by the {@link Dispatcher}.
 */
public final class Route {
  private static final Pattern PARAM = Pattern.compile("\\{(\\w+)(?::([^}]+))?}");

  private final HttpMethod method;
  private final String template;
  private final Pattern regex;
  private final List<String> params;
  private final Handler handler;
  private String minApiVersion = ApiVersion.MIN;

  private Route(HttpMethod method, String template, Handler handler) {
    this.method = method;
    this.template = template;
    this.handler = handler;
    this.params = new ArrayList<>();
    StringBuilder re = new StringBuilder();
    Matcher m = PARAM.matcher(template);
    int last = 0;
    while (m.find()) {
      re.append(Pattern.quote(template.substring(last, m.start())));
      params.add(m.group(1));
      re.append('(').append(m.group(2) != null ? m.group(2) : "[^/]+").append(')');
      last = m.end();
    }
    re.append(Pattern.quote(template.substring(last)));
    this.regex = Pattern.compile(re.toString());
  }

  public static Route get(String template, Handler h) {
    return new Route(HttpMethod.GET, template, h);
  }

  public static Route head(String template, Handler h) {
    return new Route(HttpMethod.HEAD, template, h);
  }

  public static Route post(String template, Handler h) {
    return new Route(HttpMethod.POST, template, h);
  }

  public static Route put(String template, Handler h) {
    return new Route(HttpMethod.PUT, template, h);
  }

  public static Route delete(String template, Handler h) {
    return new Route(HttpMethod.DELETE, template, h);
  }

  /** Requests below this API version get a 400, as moby's per-route version checks do. */
  public Route minApiVersion(String v) {
    this.minApiVersion = v;
    return this;
  }

  public HttpMethod method() {
    return method;
  }

  public String template() {
    return template;
  }

  public String minApiVersion() {
    return minApiVersion;
  }

  public Handler handler() {
    return handler;
  }

  /** The path parameters when {@code path} matches this template, else null. */
  Map<String, String> match(String path) {
    Matcher m = regex.matcher(path);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < params.size(); i++) {
      values.put(params.get(i), m.group(i + 1));
    }
    return values;
  }

  /** A request handler. Runs on a virtual thread; may block. */
  @FunctionalInterface
  public interface Handler {
    ApiResponse handle(ApiRequest request) throws Exception;
  }
}
