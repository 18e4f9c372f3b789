package dev.berth.storage.distribution;

import dev.berth.storage.digest.Digest;
import dev.berth.storage.distribution.manifest.Descriptor;
import dev.berth.storage.distribution.manifest.ImageManifest;
import dev.berth.storage.distribution.manifest.ManifestBuilder;
import dev.berth.storage.distribution.manifest.ManifestJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code docker push} of one tag (moby {@code pusher.pushTag}): "Preparing" for every layer (top-most first),
 * layer uploads through the {@link TransferManager} (existence checks, mounts, upload, gzip-compressing
 * uncompressed layers; see {@link LayerPush}), the config blob, then the manifest (Docker schema 2 whenever the
 * layers allow, see {@link ManifestBuilder}). "The push refers to repository", the final "tag: digest: … size: …" line
 * and the aux message are the daemon's, from the {@link PushResult}.
 */
public final class ImagePusher {
  /** Blobs larger than this go up in PATCH chunks of this size; smaller ones in one PUT. */
  public static final long DEFAULT_CHUNK_SIZE = 64L << 20;
  private final RegistryClient client;
  private final TransferManager transfers;
  private final RetryPolicy retry;
  private final long chunkSize;

  public ImagePusher(RegistryClient client, TransferManager transfers) {
    this(client, transfers, RetryPolicy.DEFAULT, DEFAULT_CHUNK_SIZE);
  }

  public ImagePusher(RegistryClient client, TransferManager transfers, RetryPolicy retry, long chunkSize) {
    this.client = client;
    this.transfers = transfers;
    this.retry = retry;
    this.chunkSize = chunkSize;
  }

  public PushResult push(PushRequest request, BlobSource source, ProgressListener progress) {
    try {
      return client.withPushSession(request.reference(), request.auth(), s -> push(s, request, source, progress));
    } catch (RuntimeException e) {
      throw RegistryErrors.toException(e);
    }
  }

  private PushResult push(RegistrySession s, PushRequest request, BlobSource source, ProgressListener progress) {
    List<PushLayer> topFirst = new ArrayList<>(request.layers()).reversed();
    for (PushLayer l : topFirst) {
      progress.onProgress(LayerProgress.of(l.progressId(), LayerProgress.PREPARING));
    }
    BlobUpload upload = new BlobUpload(s, source, chunkSize);
    LayerPush layerPush = new LayerPush(upload);
    List<CompletableFuture<Descriptor>> futures = new ArrayList<>();
    for (PushLayer l : topFirst) {
      Object key = s.endpoint().hostPort() + "/" + s.repository() + "@" + l.diffId();
      futures.add(transfers.upload(key, l.progressId(), progress,
          out -> withRetry(() -> layerPush.push(l, out), l.progressId(), out)));
    }
    ImagePuller.await(futures);
    List<Descriptor> pushed = futures.reversed().stream().map(CompletableFuture::join).toList();
    withRetry(() -> {
      upload.pushConfig(request.config());
      return null;
    }, null, ProgressListener.NONE);
    ImageManifest manifest = ManifestBuilder.build(request.config(), pushed, request.manifestMediaType());
    byte[] bytes = ManifestJson.goIndent(manifest);
    Digest digest = ManifestUpload.put(s, request.reference().tag(), manifest.mediaType(), bytes);
    return new PushResult(request.reference().tag(), digest, bytes.length, manifest.mediaType(), bytes, pushed);
  }

  private <T> T withRetry(Supplier<T> attempt, String progressId, ProgressListener out) {
    for (int n = 1; ; n++) {
      try {
        return attempt.get();
      } catch (RuntimeException e) {
        if (!BlobDownload.retryable(e) || n >= retry.maxAttempts() || !retry.backOff(n, progressId, out)) {
          throw e;
        }
      }
    }
  }
}
