package dev.berth.daemon.container;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.berth.api.model.container.MountPoint;

/**
 * A resolved mount of a container (moby {@code volumemounts.MountPoint}), persisted in
 * {@code <container dir>/mounts.json}.
 *
 * @param type {@code volume}, {@code bind} or {@code tmpfs}
 * @param managed mounted by {@link ContainerVolumes} at start (volumes, binds inherited with --volumes-from);
 *     the others come from the container's own HostConfig through {@link RuntimeConfigMapper}
 * @param copyData copy the image's content at the destination into the volume when it is empty
 * @param anonymous an anonymous volume, removed by {@code rm -v}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record MountRecord(
    @JsonProperty("Type") String type,
    @JsonProperty("Name") String name,
    @JsonProperty("Source") String source,
    @JsonProperty("Destination") String destination,
    @JsonProperty("Driver") String driver,
    @JsonProperty("Mode") String mode,
    @JsonProperty("RW") boolean rw,
    @JsonProperty("Propagation") String propagation,
    @JsonProperty("Managed") boolean managed,
    @JsonProperty("CopyData") boolean copyData,
    @JsonProperty("Anonymous") boolean anonymous) {

  boolean isVolume() {
    return "volume".equals(type);
  }

  MountPoint view() {
    return new MountPoint(type, name, source == null ? "" : source, destination, driver, mode == null ? "" : mode,
        rw, propagation == null ? "" : propagation);
  }

  /** Inherited through {@code --volumes-from}: managed here, with the mode the user asked for. */
  MountRecord inherited(Boolean readWrite) {
    boolean w = readWrite == null ? rw : readWrite && rw;
    String m = readWrite == null ? mode : (readWrite ? "rw" : "ro");
    return new MountRecord(type, name, source, destination, driver, m, w, propagation, true, false, false);
  }
}
