package dev.berth.api.model.container;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Go {@code container.PathStat}: the JSON that dockerd base64-encodes (standard alphabet) into the
 * {@code X-Docker-Container-Path-Stat} header of {@code HEAD}/{@code GET /containers/{id}/archive}.
 * {@code mode} is a Go {@code os.FileMode}: permission bits plus Go's type bits ({@link #MODE_DIR},
 * {@link #MODE_SYMLINK} …), which do not fit an {@code int}. {@code mtime} is RFC 3339 nano.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PathStat(
    @JsonProperty("name") String name,
    @JsonProperty("size") long size,
    @JsonProperty("mode") long mode,
    @JsonProperty("mtime") String mtime,
    @JsonProperty("linkTarget") String linkTarget) {

  public static final long MODE_DIR = 1L << 31;
  public static final long MODE_SYMLINK = 1L << 27;
  public static final long MODE_DEVICE = 1L << 26;
  public static final long MODE_NAMED_PIPE = 1L << 25;
  public static final long MODE_SOCKET = 1L << 24;
  public static final long MODE_SETUID = 1L << 23;
  public static final long MODE_SETGID = 1L << 22;
  public static final long MODE_CHAR_DEVICE = 1L << 21;
  public static final long MODE_STICKY = 1L << 20;
}
