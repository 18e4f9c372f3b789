package dev.berth.daemon.volume;

import dev.berth.api.model.volume.Volume;
import dev.berth.storage.volume.LocalVolume;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Local volumes as the wire shape of {@code volume inspect} / {@code ls}. */
final class VolumeViews {
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private VolumeViews() {}

  /** {@code Labels} and {@code Options} are null when empty, as dockerd writes them. */
  static Volume view(LocalVolume v) {
    return Volume.of(v.name(), LocalVolume.DRIVER, v.dataPath().toString(),
        v.createdAt().atOffset(ZoneOffset.UTC).format(RFC3339),
        v.labels().isEmpty() ? null : v.labels(), v.options().isEmpty() ? null : v.options());
  }
}
