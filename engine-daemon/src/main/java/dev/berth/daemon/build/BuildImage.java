package dev.berth.daemon.build;

import dev.berth.api.model.container.ContainerConfig;
import dev.berth.storage.image.Image;

/**
 * The state between two build steps: the image the next step starts from ({@code null} before the first FROM
 * and for {@code FROM scratch}) and the run config the next commit writes (moby's {@code dispatchState}).
 */
record BuildImage(Image image, ContainerConfig runConfig) {

  /** The image ID ({@code sha256:…}), or empty for scratch. */
  String id() {
    return image == null ? "" : image.id().toString();
  }

  /** The 12-hex short ID dockerd prints after {@code --->}. */
  String shortId() {
    return image == null ? "" : image.id().hex().substring(0, 12);
  }

  BuildImage withConfig(ContainerConfig c) {
    return new BuildImage(image, c);
  }
}
