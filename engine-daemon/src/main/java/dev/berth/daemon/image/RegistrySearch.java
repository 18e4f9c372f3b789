package dev.berth.daemon.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.errors.UnauthorizedException;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.image.ImageSearchResponseItem;
import dev.berth.daemon.http.Json;
import dev.berth.storage.distribution.AuthConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /images/search}. A term naming a registry host ({@code 127.0.0.1:5000/app}) is answered from that
 * registry's {@code /v2/_catalog} (repositories whose name contains the rest of the term); anything else asks
 * Docker Hub's {@code /v1/search} as dockerd does, and reports its failure in dockerd's words.
 */
final class RegistrySearch {
  private static final Set<String> FILTERS = Set.of("is-automated", "is-official", "stars");
  private static final String INDEX = "https://index.docker.io/v1/search";

  private final List<String> insecure;

  RegistrySearch(List<String> insecure) {
    this.insecure = List.copyOf(insecure);
  }

  List<ImageSearchResponseItem> search(String term, int limit, Filters filters, AuthConfig auth) {
    filters.validate(FILTERS);
    if (limit < 1 || limit > 100) {
      throw new InvalidParameterException("limit " + limit + " is outside the range of [1, 100]");
    }
    int minStars = 0;
    for (String s : filters.values("stars")) {
      try {
        minStars = Math.max(minStars, Integer.parseInt(s));
      } catch (NumberFormatException e) {
        throw new InvalidParameterException("invalid filter 'stars=" + s + "'");
      }
    }
    boolean officialOnly = filters.booleanValue("is-official", false);
    boolean automatedOnly = filters.booleanValue("is-automated", false);
    int slash = term.indexOf('/');
    String first = slash < 0 ? "" : term.substring(0, slash);
    boolean registryHost = first.contains(".") || first.contains(":") || first.equals("localhost");
    List<ImageSearchResponseItem> all = registryHost && !first.equals("docker.io") && !first.equals("index.docker.io")
        ? catalog(first, term.substring(slash + 1), auth) : hub(term, limit);
    List<ImageSearchResponseItem> out = new ArrayList<>();
    for (ImageSearchResponseItem r : all) {
      if (r.starCount() >= minStars && (!officialOnly || r.official()) && (!automatedOnly || r.automated())
          && out.size() < limit) {
        out.add(r);
      }
    }
    return out;
  }

  private List<ImageSearchResponseItem> catalog(String host, String query, AuthConfig auth) {
    boolean plain = insecure.contains(host) || host.startsWith("127.") || host.startsWith("localhost")
        || host.startsWith("[::1]");
    URI uri = URI.create((plain ? "http://" : "https://") + host + "/v2/_catalog?n=1000");
    HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
    if (auth.hasBasic()) {
      req.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (auth.username() + ":" + auth.password()).getBytes(StandardCharsets.UTF_8)));
    }
    JsonNode body = get(uri, req.build());
    List<ImageSearchResponseItem> out = new ArrayList<>();
    for (JsonNode repo : body.path("repositories")) {
      String name = repo.asText();
      if (name.contains(query)) {
        out.add(new ImageSearchResponseItem(0, false, host + "/" + name, false, ""));
      }
    }
    return out;
  }

  private List<ImageSearchResponseItem> hub(String term, int limit) {
    URI uri = URI.create(INDEX + "?q=" + URLEncoder.encode(term, StandardCharsets.UTF_8) + "&n=" + limit);
    JsonNode body = get(uri, HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build());
    List<ImageSearchResponseItem> out = new ArrayList<>();
    for (JsonNode r : body.path("results")) {
      out.add(new ImageSearchResponseItem(r.path("star_count").asInt(), r.path("is_official").asBoolean(),
          r.path("name").asText(), r.path("is_automated").asBoolean(), r.path("description").asText("")));
    }
    return out;
  }

  private JsonNode get(URI uri, HttpRequest req) {
    HttpResponse<byte[]> resp;
    try {
      resp = Http.CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SystemException("Get \"" + uri + "\": " + describe(uri, e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("Get \"" + uri + "\": context canceled", e);
    }
    if (resp.statusCode() == 401) {
      throw new UnauthorizedException("unauthorized: authentication required");
    }
    if (resp.statusCode() != 200) {
      throw new SystemException("Unexpected status code " + resp.statusCode());
    }
    try {
      return Json.MAPPER.readTree(resp.body());
    } catch (IOException e) {
      throw new SystemException("invalid search response from " + uri.getHost() + ": " + e.getMessage(), e);
    }
  }

  private static String describe(URI uri, IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
        return "dial tcp: " + dev.berth.storage.distribution.GoDnsErrors.noSuchHost(uri.getHost());
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) {
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80;
        return "dial tcp " + uri.getHost() + ":" + port + ": connect: connection refused";
      }
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }

  /** Built on first use: an HTTP client (with its TLS setup and selector thread) costs a cold start ~80 ms. */
  private static final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }
}
