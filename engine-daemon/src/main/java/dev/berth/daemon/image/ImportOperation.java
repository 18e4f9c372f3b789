package dev.berth.daemon.image;

import dev.berth.api.backend.ImageBackend;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.stream.JsonMessage;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.image.ImageService;
import dev.berth.storage.oci.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code docker import} (moby {@code ImageService.ImportImage}): the layer comes from the request body
 * ({@code fromSrc=-}) or is downloaded from a URL (no scheme means http); the output is the new image's ID.
 */
final class ImportOperation {
  private final ImageService images;

  ImportOperation(ImageService images) {
    this.images = images;
  }

  void importImage(ImageBackend.ImportOptions o, InputStream body, Consumer<JsonMessage> out) {
    Platform platform = platform(o.platform());
    String source = o.source() == null ? "" : o.source();
    List<String> changes = o.changes() == null ? List.of() : o.changes();
    Digest id;
    if (source.equals("-")) {
      id = images.importImage(body, options(o, source, changes, platform));
    } else {
      URI uri = url(source);
      try (InputStream in = download(uri)) {
        id = images.importImage(in, options(o, uri.toString(), changes, platform));
      } catch (IOException e) {
        throw new SystemException("import failed: " + e.getMessage(), e);
      }
    }
    out.accept(JsonMessage.status(id.toString()));
  }

  private static dev.berth.storage.image.ImportOptions options(ImageBackend.ImportOptions o, String source,
      List<String> changes, Platform platform) {
    return new dev.berth.storage.image.ImportOptions(o.repo(), o.tag(), o.message(), changes, source, platform);
  }

  private static Platform platform(String spec) {
    if (spec == null || spec.isBlank()) {
      return null;
    }
    var p = dev.berth.storage.distribution.manifest.Platform.parse(spec);
    return new Platform(p.architecture(), p.os(), null, null, p.variant());
  }

  private static URI url(String source) {
    try {
      URI u = URI.create(source);
      return u.getScheme() == null ? URI.create("http://" + source) : u;
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("invalid import source " + source + ": " + e.getMessage(), e);
    }
  }

  /** moby {@code remotecontext.GetWithStatusError}. */
  private InputStream download(URI uri) throws IOException {
    HttpResponse<InputStream> resp;
    try {
      resp = Http.CLIENT.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new SystemException("Get \"" + uri + "\": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemException("Get \"" + uri + "\": context canceled", e);
    }
    if (resp.statusCode() >= 400) {
      String text;
      try (InputStream in = resp.body()) {
        text = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
      }
      throw new InvalidParameterException("failed to GET " + uri + " with status " + resp.statusCode() + ": "
          + text);
    }
    return resp.body();
  }

  /** Built on first use: an HTTP client (with its TLS setup and selector thread) costs a cold start ~80 ms. */
  private static final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }
}
