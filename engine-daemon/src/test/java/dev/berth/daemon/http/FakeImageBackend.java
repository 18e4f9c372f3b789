package dev.berth.daemon.http;

import dev.berth.api.backend.ImageBackend;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.image.DistributionInspectResponse;
import dev.berth.api.model.image.HistoryResponseItem;
import dev.berth.api.model.image.ImageConfig;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Records every call as text; streaming calls emit {@link #messages} and then throw {@link #failure}. */
final class FakeImageBackend implements ImageBackend {
  final List<String> calls = new ArrayList<>();
  final List<JsonMessage> messages = new ArrayList<>();
  RuntimeException failure;
  Filters lastFilters;
  AuthConfig lastAuth;

  private void stream(Consumer<JsonMessage> out) {
    messages.forEach(out);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public List<ImageSummary> list(ListOptions o) {
    calls.add("list all=" + o.all() + " shared=" + o.sharedSize());
    lastFilters = o.filters();
    return List.of(new ImageSummary(-1, 1, "sha256:aa", null, "", null, null, List.of(), List.of("a:1"), -1, 5, 0));
  }

  @Override
  public ImageInspectResponse inspect(String name) {
    calls.add("inspect " + name);
    ContainerConfig c = ContainerConfig.empty().toBuilder().build();
    return new ImageInspectResponse("sha256:aa", List.of(), List.of(), "", "", null, null, null, "", "",
        ImageConfig.of(c), "amd64", null, "linux", null, 5, 0, null, null, null, null, null);
  }

  @Override
  public List<HistoryResponseItem> history(String name) {
    calls.add("history " + name);
    return List.of();
  }

  @Override
  public void tag(String source, String repo, String tag) {
    calls.add("tag " + source + " " + repo + " " + tag);
  }

  @Override
  public List<ImageDeleteResponseItem> delete(String name, boolean force, boolean noPrune) {
    calls.add("delete " + name + " force=" + force + " noprune=" + noPrune);
    return List.of(ImageDeleteResponseItem.untagged(name));
  }

  @Override
  public ImagePruneResponse prune(Filters filters) {
    calls.add("prune");
    lastFilters = filters;
    return new ImagePruneResponse(null, 0);
  }

  @Override
  public void pull(PullOptions o, Consumer<JsonMessage> progress) {
    calls.add("pull " + o.image() + " " + o.tag() + " " + o.platform());
    lastAuth = o.auth();
    stream(progress);
  }

  @Override
  public void push(String name, String tag, AuthConfig auth, Consumer<JsonMessage> progress) {
    calls.add("push " + name + " " + tag);
    lastAuth = auth;
    stream(progress);
  }

  @Override
  public void importImage(ImportOptions o, InputStream body, Consumer<JsonMessage> progress) {
    calls.add("import " + o.source() + " " + o.repo() + " " + o.tag() + " " + o.changes());
    stream(progress);
  }

  @Override
  public void load(InputStream archive, boolean quiet, Consumer<JsonMessage> progress) {
    calls.add("load quiet=" + quiet);
    stream(progress);
  }

  @Override
  public void save(List<String> names, OutputStream out) {
    calls.add("save " + names);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public AuthResponse login(AuthConfig auth) {
    calls.add("login " + auth.username() + "@" + auth.serverAddress());
    return AuthResponse.succeeded(null);
  }

  @Override
  public DistributionInspectResponse distributionInspect(String name, AuthConfig auth) {
    calls.add("distribution " + name);
    return new DistributionInspectResponse(null, List.of());
  }

  @Override
  public List<ImageSearchResponseItem> search(String term, int limit, Filters filters, AuthConfig auth) {
    calls.add("search " + term + " " + limit);
    return List.of();
  }
}
