package dev.berth.runtime.spec;

/**
 * {@code --device /dev/host[:/dev/ctr[:rwm]]} (Docker's {@code DeviceMapping}). A directory on the host maps
 * every device below it.
 */
public record DeviceMapping(String pathOnHost, String pathInContainer, String cgroupPermissions) {
  public DeviceMapping {
    if (pathInContainer == null || pathInContainer.isEmpty()) {
      pathInContainer = pathOnHost;
    }
    if (cgroupPermissions == null || cgroupPermissions.isEmpty()) {
      cgroupPermissions = "rwm";
    }
  }
}
