package dev.berth.storage.distribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.distribution.manifest.ManifestJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v2/<name>/tags/list}, following {@code Link: <…>; rel="next"} pages (docker/distribution's
 * {@code tags.All}), for {@code docker pull --all-tags}. Tags come in the registry's order.
 */
public final class TagLister {
  private static final int MAX_PAGES = 1000;
  private final RegistryClient client;

  public TagLister(RegistryClient client) {
    this.client = client;
  }

  /** Every tag of {@code repo}'s repository; errors are the pull kinds and messages ("repository … not found"). */
  public List<String> tags(RemoteReference repo, AuthConfig auth) {
    try {
      return client.withPullSession(repo, auth, TagLister::all);
    } catch (RuntimeException e) {
      throw RegistryErrors.toPullException(e, repo);
    }
  }

  private static List<String> all(RegistrySession s) {
    List<String> tags = new ArrayList<>();
    URI page = s.url("tags/list");
    for (int i = 0; i < MAX_PAGES; i++) {
      HttpResponse<byte[]> resp = s.sendBytes(HttpRequest.newBuilder(page).GET());
      if (resp.statusCode() < 200 || resp.statusCode() >= 300) {
        throw RegistryErrors.fromResponse(resp.statusCode(), resp.headers(), resp.body());
      }
      try {
        TagList list = ManifestJson.read(resp.body(), TagList.class);
        if (list != null && list.tags() != null) {
          tags.addAll(list.tags());
        }
      } catch (IOException e) {
        throw new SystemException("invalid tag list from " + page + ": " + e.getMessage(), e);
      }
      Optional<String> link = resp.headers().firstValue("Link");
      if (link.isEmpty()) {
        return tags;
      }
      page = nextPage(page, link.get());
    }
    throw new SystemException("too many pages of tags from " + page);
  }

  /** distribution: the part of {@code Link} before the first ";", without its angle brackets, resolved. */
  static URI nextPage(URI current, String link) {
    String target = link.split(";", 2)[0].strip();
    if (target.startsWith("<")) {
      target = target.substring(1);
    }
    if (target.endsWith(">")) {
      target = target.substring(0, target.length() - 1);
    }
    return current.resolve(target);
  }

  record TagList(@JsonProperty("name") String name, @JsonProperty("tags") List<String> tags) {}
}
