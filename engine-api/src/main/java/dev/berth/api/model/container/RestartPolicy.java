package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Docker's {@code container.RestartPolicy}. {@code Name} is one of {@code ""}, {@code "no"}, {@code "always"},
 * {@code "on-failure"} or {@code "unless-stopped"}; validation (with dockerd's messages) is the daemon's job.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record RestartPolicy(
    @JsonProperty("Name") String name,
    @JsonProperty("MaximumRetryCount") int maximumRetryCount) {

  public static final String NO = "no";
  public static final String ALWAYS = "always";
  public static final String ON_FAILURE = "on-failure";
  public static final String UNLESS_STOPPED = "unless-stopped";

  /** Go's zero value, {@code {"Name":"","MaximumRetryCount":0}}, which means "no". */
  public static RestartPolicy empty() {
    return new RestartPolicy("", 0);
  }

  public static RestartPolicy of(String name) {
    return new RestartPolicy(name, 0);
  }

  /** Go's {@code IsNone}: {@code "no"} or unset. */
  @JsonIgnore
  public boolean isNone() {
    return name == null || name.isEmpty() || name.equals(NO);
  }
}
