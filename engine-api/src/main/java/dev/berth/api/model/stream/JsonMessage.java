package dev.berth.api.model.stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One line of a JSON-message stream (pull, push, build, load, import; moby {@code jsonmessage.JSONMessage}).
 * Every key is {@code omitempty}. dockerd ends each line with {@code "\r\n"}.
 *
 * <p>The factories produce what moby's {@code streamformatter} writes: {@link #status} for messages
 * ({@code {"status":…,"id":…}}), {@link #progress} for progress updates (which always carry a
 * {@code progressDetail}, {@code {}} when there are no counts, and the rendered bar in {@code progress}),
 * {@link #stream} for build output, {@link #error} for a failure after the 200 was sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JsonMessage(
    @JsonProperty("stream") @JsonInclude(Include.NON_EMPTY) String stream,
    @JsonProperty("status") @JsonInclude(Include.NON_EMPTY) String status,
    @JsonProperty("progressDetail") @JsonInclude(Include.NON_NULL) ProgressDetail progressDetail,
    @JsonProperty("progress") @JsonInclude(Include.NON_EMPTY) String progress,
    @JsonProperty("id") @JsonInclude(Include.NON_EMPTY) String id,
    @JsonProperty("from") @JsonInclude(Include.NON_EMPTY) String from,
    @JsonProperty("time") @JsonInclude(Include.NON_DEFAULT) long time,
    @JsonProperty("timeNano") @JsonInclude(Include.NON_DEFAULT) long timeNano,
    @JsonProperty("errorDetail") @JsonInclude(Include.NON_NULL) ErrorDetail errorDetail,
    @JsonProperty("error") @JsonInclude(Include.NON_EMPTY) String error,
    @JsonProperty("aux") @JsonInclude(Include.NON_NULL) Object aux) {

  /** The terminal width dockerd renders with: its stdin is no terminal, so moby falls back to 200 columns. */
  public static final int DAEMON_WIDTH = 200;

  /** A status line ({@code streamformatter.FormatStatus}); {@code id} may be {@code null} or empty. */
  public static JsonMessage status(String id, String text) {
    return new JsonMessage(null, text, null, null, id, null, 0, 0, null, null, null);
  }

  public static JsonMessage status(String text) {
    return status(null, text);
  }

  /** A progress update without counts ("Pulling fs layer", "Pull complete"): {@code "progressDetail":{}}. */
  public static JsonMessage progress(String id, String status) {
    return new JsonMessage(null, status, ProgressDetail.EMPTY, null, id, null, 0, 0, null, null, null);
  }

  /** A progress update ("Downloading", "Extracting") with the bar dockerd renders into {@code progress}. */
  public static JsonMessage progress(String id, String status, long current, long total) {
    ProgressDetail detail = new ProgressDetail(current, total, 0, false, null);
    return new JsonMessage(null, status, detail, detail.render(), id, null, 0, 0, null, null, null);
  }

  /** Build output ({@code {"stream":"Step 1/2 : FROM busybox\n"}}). */
  public static JsonMessage stream(String text) {
    return new JsonMessage(text, null, null, null, null, null, 0, 0, null, null, null);
  }

  /** A failure inside the stream: {@code {"errorDetail":{"message":m},"error":m}}. */
  public static JsonMessage error(String message) {
    return new JsonMessage(null, null, null, null, null, null, 0, 0, new ErrorDetail(0, message), message, null);
  }

  /** Out-of-band data as the classic builder writes it ({@code {"aux":{"ID":"sha256:…"}}}). */
  public static JsonMessage aux(Object aux) {
    return new JsonMessage(null, null, null, null, null, null, 0, 0, null, null, aux);
  }

  /** Out-of-band data sent through the progress output, as push does: {@code {"progressDetail":{},"aux":…}}. */
  public static JsonMessage progressAux(Object aux) {
    return new JsonMessage(null, null, ProgressDetail.EMPTY, null, null, null, 0, 0, null, null, aux);
  }

  /** moby {@code jsonmessage.JSONProgress}; every key {@code omitempty}, {@code units} defaults to bytes. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ProgressDetail(
      @JsonProperty("current") @JsonInclude(Include.NON_DEFAULT) long current,
      @JsonProperty("total") @JsonInclude(Include.NON_DEFAULT) long total,
      @JsonProperty("start") @JsonInclude(Include.NON_DEFAULT) long start,
      @JsonProperty("hidecounts") @JsonInclude(Include.NON_DEFAULT) boolean hideCounts,
      @JsonProperty("units") @JsonInclude(Include.NON_EMPTY) String units) {

    public static final ProgressDetail EMPTY = new ProgressDetail(0, 0, 0, false, null);

    /** {@code JSONProgress.String()} as dockerd computes it ({@link #DAEMON_WIDTH} columns). */
    public String render() {
      return ProgressRenderer.render(this, DAEMON_WIDTH, Instant.now());
    }

    /** {@code JSONProgress.String()} for a terminal of {@code width} columns at time {@code now}. */
    public String render(int width, Instant now) {
      return ProgressRenderer.render(this, width, now);
    }
  }

  /** moby {@code jsonmessage.JSONError}: both keys {@code omitempty}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ErrorDetail(
      @JsonProperty("code") @JsonInclude(Include.NON_DEFAULT) int code,
      @JsonProperty("message") @JsonInclude(Include.NON_EMPTY) String message) {}
}
