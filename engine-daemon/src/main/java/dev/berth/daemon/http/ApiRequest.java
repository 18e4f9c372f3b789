package dev.berth.daemon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.filters.Filters;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** A request as handlers see it: unversioned path, negotiated version, parameters, headers and a body stream. */
public final class ApiRequest {
  private final HttpMethod method;
  private final String path;
  private final String version;
  private final Map<String, String> pathParams;
  private final Map<String, List<String>> query;
  private final HttpHeaders headers;
  private final InputStream body;
  private final boolean hasBody;

  public ApiRequest(HttpMethod method, String path, String version, Map<String, String> pathParams,
      Map<String, List<String>> query, HttpHeaders headers, InputStream body, boolean hasBody) {
    this.method = method;
    this.path = path;
    this.version = version;
    this.pathParams = pathParams;
    this.query = query;
    this.headers = headers;
    this.body = body;
    this.hasBody = hasBody;
  }

  public HttpMethod method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The API version of this request: from the path prefix, or the maximum when there is none. */
  public String version() {
    return version;
  }

  public boolean versionAtLeast(String v) {
    return ApiVersion.atLeast(version, v);
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  public HttpHeaders headers() {
    return headers;
  }

  public InputStream body() {
    return body;
  }

  /** The first value of a query parameter, or null. */
  public String param(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public String param(String name, String fallback) {
    String v = param(name);
    return v == null ? fallback : v;
  }

  public List<String> params(String name) {
    return query.getOrDefault(name, List.of());
  }

  public boolean hasParam(String name) {
    return query.containsKey(name);
  }

  /** moby {@code httputils.BoolValue}: false for absent, "", "0", "no", "false", "none"; true otherwise. */
  public boolean boolParam(String name) {
    String v = param(name);
    if (v == null) {
      return false;
    }
    String s = v.trim().toLowerCase();
    return !(s.isEmpty() || s.equals("0") || s.equals("no") || s.equals("false") || s.equals("none"));
  }

  /** moby {@code BoolValueOrDefault}: the default when the parameter is absent or empty. */
  public boolean boolParam(String name, boolean fallback) {
    String v = param(name);
    return v == null || v.isEmpty() ? fallback : boolParam(name);
  }

  /** An integer parameter; absent or empty gives {@code fallback}, garbage gives a 400. */
  public long longParam(String name, long fallback) {
    String v = param(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid value for " + name + ": " + v);
    }
  }

  /** The {@code filters} parameter in either JSON form clients send. */
  public Filters filters() {
    return FiltersParser.parse(param("filters"));
  }

  /** Decodes a JSON body the way moby's {@code httputils.ReadJSON} does; null when there is no body. */
  public <T> T readJson(Class<T> type) {
    return readJson(Json.MAPPER.constructType(type));
  }

  public <T> T readJson(JavaType type) {
    String ct = headers.get("Content-Type");
    if (ct != null && !ct.isEmpty() && !ct.toLowerCase().startsWith("application/json")) {
      throw new InvalidParameterException(
          "unsupported Content-Type header (" + ct + "): must be 'application/json'");
    }
    if (!hasBody) {
      return null;
    }
    try {
      byte[] bytes = body.readAllBytes();
      if (bytes.length == 0) {
        return null;
      }
      return Json.MAPPER.readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw new InvalidParameterException("invalid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidParameterException("invalid JSON: cannot read request body", e);
    }
  }
}
