package dev.berth.storage.image;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.digest.Digest;
import dev.berth.storage.json.Json;
import dev.berth.storage.layer.ChainIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An image: its config bytes exactly as stored (the ID is their sha256) and the parsed view of them. Immutable.
 */
public final class Image {
  private final Digest id;
  private final byte[] raw;
  private final ImageConfig config;
  private final List<Digest> diffIds;

  private Image(Digest id, byte[] raw, ImageConfig config, List<Digest> diffIds) {
    this.id = id;
    this.raw = raw;
    this.config = config;
    this.diffIds = diffIds;
  }

  /** Parses and validates config bytes; the ID is computed from the bytes, never re-serialised. */
  public static Image fromJson(byte[] raw) {
    ImageConfig cfg = Json.read(raw, ImageConfig.class);
    if (cfg.rootfs() == null) {
      throw new InvalidParameterException("invalid image JSON, no RootFS key");
    }
    if (!"layers".equals(cfg.rootfs().type())) {
      throw new InvalidParameterException("invalid rootfs type " + cfg.rootfs().type());
    }
    List<String> ids = cfg.rootfs().diffIds() == null ? List.of() : cfg.rootfs().diffIds();
    List<Digest> diffIds = ids.stream().map(Digest::parse).toList();
    return new Image(Digest.sha256(raw), raw.clone(), cfg, diffIds);
  }

  public Digest id() {
    return id;
  }

  /** The config bytes as stored. */
  public byte[] rawJson() {
    return raw.clone();
  }

  public int rawLength() {
    return raw.length;
  }

  public ImageConfig config() {
    return config;
  }

  public List<Digest> diffIds() {
    return diffIds;
  }

  /** The chain ID of the top layer, or empty for an image without layers. */
  public Optional<Digest> topChainId() {
    return Optional.ofNullable(ChainIds.top(diffIds));
  }

  public Optional<Instant> created() {
    return GoTime.parse(config.created());
  }

  public Map<String, String> labels() {
    if (config.config() == null || config.config().labels() == null) {
      return Map.of();
    }
    return config.config().labels();
  }

  public List<HistoryEntry> history() {
    return config.history() == null ? List.of() : config.history();
  }

  public String os() {
    return config.os() == null || config.os().isEmpty() ? "linux" : config.os();
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
