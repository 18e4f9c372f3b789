package dev.berth.daemon.image;

import dev.berth.daemon.config.DaemonConfig;
import dev.berth.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The part of the daemon configuration images need.
 *
 * @param root the storage root (the data root)
 * @param driver {@code overlay2} or {@code vfs}
 * @param dockerVersion written into the configs of imported images
 * @param insecureRegistries daemon.json {@code insecure-registries}
 * @param mirrors daemon.json {@code registry-mirrors}
 */
public record ImageSettings(Path root, String driver, String dockerVersion, int maxConcurrentDownloads,
    int maxConcurrentUploads, List<String> insecureRegistries, List<String> mirrors) {

  public ImageSettings {
    insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
    mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
    maxConcurrentDownloads = maxConcurrentDownloads > 0 ? maxConcurrentDownloads : 3;
    maxConcurrentUploads = maxConcurrentUploads > 0 ? maxConcurrentUploads : 5;
  }

  /**
   * From daemon.json: storage under the data root; {@code storage-driver} overlay2 falls back to vfs where overlay
   * cannot work (not root, or no overlayfs), as {@link Storage#defaultDriver()} decides.
   */
  public static ImageSettings from(DaemonConfig cfg, String dockerVersion) {
    String driver = cfg.storageDriver() == null || cfg.storageDriver().isEmpty() ? Storage.defaultDriver()
        : cfg.storageDriver();
    if (driver.equals("overlay2") && !Storage.defaultDriver().equals("overlay2")) {
      LoggerFactory.getLogger(ImageSettings.class).warn("overlay2 is not usable here; using the vfs driver");
      driver = "vfs";
    }
    return new ImageSettings(Path.of(cfg.dataRoot()), driver, dockerVersion, cfg.maxConcurrentDownloads(),
        cfg.maxConcurrentUploads(), cfg.insecureRegistries(), cfg.registryMirrors());
  }
}
