package dev.berth.api.backend;

import dev.berth.api.filters.Filters;
import dev.berth.api.model.image.DistributionInspectResponse;
import dev.berth.api.model.image.HistoryResponseItem;
import dev.berth.api.model.image.ImageDeleteResponseItem;
import dev.berth.api.model.image.ImageInspectResponse;
import dev.berth.api.model.image.ImagePruneResponse;
import dev.berth.api.model.image.ImageSearchResponseItem;
import dev.berth.api.model.image.ImageSummary;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.api.model.system.AuthConfig;
import dev.berth.api.model.system.AuthResponse;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the image, auth and distribution routes need (moby {@code image.Backend} + {@code ImageService} +
 * registry {@code Service}). Names are what the user typed ({@code busybox}, {@code a/b:c}, an ID or ID prefix,
 * {@code name@sha256:…}); the backend normalises them like dockerd. Errors are engine error kinds with dockerd's
 * messages. Streaming operations report through {@code progress}, one {@link JsonMessage} per line; an exception
 * thrown before the first message reaches the client gets a real HTTP status, a later one becomes the stream's
 * {@code errorDetail} line (the route decides which).
 */
public interface ImageBackend {

  /**
   * {@code GET /images/json}.
   *
   * @param sharedSize compute {@code SharedSize} (else -1)
   * @param containerCount compute {@code Containers} (else -1)
   */
  record ListOptions(boolean all, boolean sharedSize, boolean containerCount, Filters filters) {}

  /**
   * {@code POST /images/create?fromImage=…}.
   *
   * @param tag a tag or a digest ({@code sha256:…}); empty when {@code image} carries its own
   * @param platform {@code os[/arch[/variant]]}, or empty for the daemon's platform
   */
  record PullOptions(String image, String tag, String platform, AuthConfig auth) {}

  /**
   * {@code POST /images/create?fromSrc=…}.
   *
   * @param source {@code -} for the request body, else a URL to download
   * @param changes Dockerfile instructions ({@code CMD ["sh"]}) applied to the config
   */
  record ImportOptions(String source, String repo, String tag, String message, List<String> changes,
      String platform) {}

  List<ImageSummary> list(ListOptions options);

  ImageInspectResponse inspect(String name);

  List<HistoryResponseItem> history(String name);

  /** {@code POST /images/{name}/tag}; an empty {@code tag} means latest. */
  void tag(String source, String repo, String tag);

  /** {@code DELETE /images/{name}}. */
  List<ImageDeleteResponseItem> delete(String name, boolean force, boolean noPrune);

  ImagePruneResponse prune(Filters filters);

  void pull(PullOptions options, Consumer<JsonMessage> progress);

  /** {@code POST /images/{name}/push}; an empty {@code tag} pushes the name's tag, or all tags of the repository. */
  void push(String name, String tag, AuthConfig auth, Consumer<JsonMessage> progress);

  void importImage(ImportOptions options, InputStream body, Consumer<JsonMessage> progress);

  /** {@code POST /images/load}: a docker-archive or OCI layout tar. */
  void load(InputStream archive, boolean quiet, Consumer<JsonMessage> progress);

  /** {@code GET /images/get}: resolves every name before the first byte is written. */
  void save(List<String> names, OutputStream out);

  /** {@code POST /auth}. */
  AuthResponse login(AuthConfig auth);

  DistributionInspectResponse distributionInspect(String name, AuthConfig auth);

  List<ImageSearchResponseItem> search(String term, int limit, Filters filters, AuthConfig auth);
}
