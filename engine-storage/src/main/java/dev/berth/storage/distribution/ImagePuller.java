package dev.berth.storage.distribution;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.HostPlatform;
import dev.berth.storage.distribution.manifest.ImageManifest;
import dev.berth.storage.distribution.manifest.ManifestList;
import dev.berth.storage.distribution.manifest.MediaTypes;
import dev.berth.storage.distribution.manifest.ParsedManifest;
import dev.berth.storage.distribution.manifest.Platform;
import dev.berth.storage.distribution.manifest.PlatformMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;

/**
 * {@code docker pull} up to "Download complete" (moby {@code puller.pullTag}): resolves the reference (mirrors,
 * https/http fallback), picks the platform from an index, announces "Pulling from", and downloads config and
 * layers through the {@link TransferManager}. Extraction ("Extracting", "Pull complete"), "Digest:" and "Status:"
 * are the daemon's, after this returns. Errors leave as engine error kinds with dockerd's messages.
 */
public final class ImagePuller {
  private final RegistryClient client;
  private final TransferManager transfers;
  private final RetryPolicy retry;

  public ImagePuller(RegistryClient client, TransferManager transfers) {
    this(client, transfers, RetryPolicy.DEFAULT);
  }

  public ImagePuller(RegistryClient client, TransferManager transfers, RetryPolicy retry) {
    this.client = client;
    this.transfers = transfers;
    this.retry = retry;
  }

  public PullResult pull(PullRequest request, BlobSink sink, ProgressListener progress) {
    RemoteReference ref = request.reference();
    try {
      return client.withPullSession(ref, request.auth(), s -> pull(s, request, sink, progress));
    } catch (RuntimeException e) {
      throw RegistryErrors.toPullException(e, ref);
    }
  }

  private PullResult pull(RegistrySession s, PullRequest request, BlobSink sink, ProgressListener progress) {
    RemoteReference ref = request.reference();
    ParsedManifest top = ManifestFetcher.fetch(s, ref);
    progress.onProgress(new StatusMessage(ref.pullingFromId(), "Pulling from " + ref.path()));
    ParsedManifest index = top.isIndex() ? top : null;
    ParsedManifest manifest = index == null ? top : select(s, ref, index, request.platform());
    ImageManifest image = (ImageManifest) manifest.manifest();
    checkConfigType(image.config().mediaType());
    for (Descriptor layer : image.layers()) {
      if (!MediaTypes.isSupportedLayer(layer.mediaType())) {
        throw new InvalidParameterException("unsupported media type " + layer.mediaType());
      }
    }
    if (index != null) {
      BlobSinks.put(sink, index.content(), index.digest());
    }
    BlobSinks.put(sink, manifest.content(), manifest.digest());
    Digest configDigest = image.config().digest();
    boolean skip = request.imageExists() != null && request.imageExists().test(configDigest);
    List<CompletableFuture<Void>> layers = skip ? List.of() : startLayers(s, image, request, sink, progress);
    byte[] config = ConfigFetch.fetch(s, image.config(), sink);
    await(layers);
    return new PullResult(ref, top.digest(), index, manifest, config, !skip);
  }

  /** moby {@code pullManifestList}: the best matching entry that is an image manifest (nested indexes too). */
  private ParsedManifest select(RegistrySession s, RemoteReference ref, ParsedManifest index, Platform wanted) {
    PlatformMatcher matcher = PlatformMatcher.only(wanted);
    for (Descriptor d : matcher.filter(((ManifestList) index.manifest()).manifests())) {
      ParsedManifest m = ManifestFetcher.fetchByDigest(s, d.digest(), ref.withDigest(d.digest()));
      if (m.manifest() instanceof ImageManifest) {
        return m;
      }
      if (m.isIndex()) {
        try {
          return select(s, ref, m, wanted);
        } catch (NoMatchingManifestException e) {
          // try the next entry
        }
      }
    }
    Platform shown = wanted == null || wanted.os() == null ? HostPlatform.defaultSpec() : wanted;
    throw new NoMatchingManifestException(shown);
  }

  /** moby {@code validateMediaType}: a plugin (or other non-image) config is refused by name. */
  private static void checkConfigType(String mediaType) {
    if (!MediaTypes.isImageConfig(mediaType)) {
      String cls = MediaTypes.DOCKER_PLUGIN_CONFIG.equals(mediaType) ? "plugin" : "unknown";
      throw new InvalidParameterException("Encountered remote \"" + mediaType + "\"(" + cls + ") when fetching");
    }
  }

  private List<CompletableFuture<Void>> startLayers(RegistrySession s, ImageManifest image, PullRequest request,
      BlobSink sink, ProgressListener progress) {
    Predicate<Descriptor> exists = request.layerExists() != null ? request.layerExists()
        : d -> sink.exists(d.digest());
    List<Descriptor> needed = new ArrayList<>();
    for (Descriptor layer : image.layers()) {
      boolean have = exists.test(layer);
      progress.onProgress(LayerProgress.of(layer.shortId(),
          have ? LayerProgress.ALREADY_EXISTS : LayerProgress.PULLING_FS_LAYER));
      if (!have) {
        needed.add(layer);
      }
    }
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (Descriptor layer : needed) {
      futures.add(transfers.download(layer.digest(), layer.shortId(), progress, out -> {
        if (!sink.exists(layer.digest())) {
          new BlobDownload(s, layer, sink, retry).run(layer.shortId(), out);
        } else {
          out.onProgress(LayerProgress.of(layer.shortId(), LayerProgress.DOWNLOAD_COMPLETE));
        }
        return null;
      }));
    }
    return futures;
  }

  static void await(List<? extends CompletableFuture<?>> futures) {
    RuntimeException first = null;
    for (CompletableFuture<?> f : futures) {
      try {
        f.join();
      } catch (CompletionException e) {
        if (first == null) {
          first = e.getCause() instanceof RuntimeException r ? r
              : new SystemException(String.valueOf(e.getCause().getMessage()), e.getCause());
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
