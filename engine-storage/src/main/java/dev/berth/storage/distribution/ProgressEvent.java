package dev.berth.storage.distribution;

/**
 * Typed progress for pulls and pushes; the daemon renders these as Docker's JSON progress stream
 * ({@code {"status":…,"progressDetail":{…},"id":…}}).
 *
 * <p>Order dockerd emits (moby {@code distribution/pull_v2.go}, {@code xfer/download.go}, {@code push_v2.go},
 * {@code xfer/upload.go}), and which part Berth's registry client emits:
 *
 * <pre>
 * pull:  StatusMessage(id=tag, or "name@digest" when pulling by digest, "Pulling from library/busybox")
 *        per layer, bottom-most first, all at once:  "Already exists" | "Pulling fs layer"
 *        per layer as its transfer starts:           "Waiting" (only when it had to queue behind the limit)
 *                                                    "Downloading" (current/total, repeated)
 *                                                    "Retrying in N seconds" (countdown, after a failure)
 *                                                    "Verifying Checksum", "Download complete"
 *        ── the daemon continues, per layer, bottom-most first, once the layer below is registered:
 *                                                    "Extracting" (current/total), "Pull complete"
 *        StatusMessage("", "Digest: sha256:…")  then  "Status: Downloaded newer image for x:tag"
 *                                                 or  "Status: Image is up to date for x:tag"
 * push:  StatusMessage("", "The push refers to repository [host/name]")   ← daemon
 *        per layer, top-most first, all at once:     "Preparing"
 *        per layer:                                  "Waiting" (only when queued)
 *                                                    then one of: "Layer already exists"
 *                                                                 "Mounted from other/repo"
 *                                                                 "Pushing" (current/total, repeated), "Pushed"
 *                                                    "Retrying in N seconds" (after a failure)
 *        ── the daemon finishes with StatusMessage("", "tag: digest: sha256:… size: 528") and the
 *           aux message {"Tag","Digest","Size"} from {@link PushResult}.
 * </pre>
 *
 * Layer ids are the first 12 hex characters of the blob digest on pull; dockerd uses the (uncompressed) diff ID
 * on push, so {@link PushLayer#progressId()} lets the daemon choose.
 */
public sealed interface ProgressEvent permits LayerProgress, StatusMessage {}
