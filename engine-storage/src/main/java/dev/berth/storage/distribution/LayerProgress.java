package dev.berth.storage.distribution;

/**
 * Progress of one layer. {@code current}/{@code total} are bytes and only meaningful when {@link #hasDetail()}
 * ("Downloading", "Pushing", "Extracting"); {@code total} is 0 when unknown. See {@link ProgressEvent} for the order.
 */
public record LayerProgress(String id, String status, long current, long total) implements ProgressEvent {
  public static final String ALREADY_EXISTS = "Already exists";
  public static final String PULLING_FS_LAYER = "Pulling fs layer";
  public static final String WAITING = "Waiting";
  public static final String DOWNLOADING = "Downloading";
  public static final String VERIFYING_CHECKSUM = "Verifying Checksum";
  public static final String DOWNLOAD_COMPLETE = "Download complete";
  public static final String EXTRACTING = "Extracting";
  public static final String PULL_COMPLETE = "Pull complete";
  public static final String PREPARING = "Preparing";
  public static final String PUSHING = "Pushing";
  public static final String PUSHED = "Pushed";
  public static final String LAYER_ALREADY_EXISTS = "Layer already exists";

  /** A status without byte counts. */
  public static LayerProgress of(String id, String status) {
    return new LayerProgress(id, status, -1, -1);
  }

  public static LayerProgress mountedFrom(String id, String repository) {
    return of(id, "Mounted from " + repository);
  }

  /** moby's countdown text: "Retrying in 5 seconds", "Retrying in 1 second". */
  public static LayerProgress retrying(String id, long seconds) {
    return of(id, "Retrying in " + seconds + " second" + (seconds != 1 ? "s" : ""));
  }

  public boolean hasDetail() {
    return current >= 0;
  }
}
