package dev.berth.daemon.build;

import dev.berth.api.model.container.ContainerConfig;
import dev.berth.storage.image.Image;

/**
 * The state between two build steps: the image the next step starts from ({@code null} before the first FROM
 * and for {@code FROM scratch}), the run config the next commit writes, and the stage's MAINTAINER, which
 * becomes the Author of the images committed after it (moby's {@code dispatchState}).
 */
record BuildImage(Image image, ContainerConfig runConfig, String maintainer) {

  BuildImage(Image image, ContainerConfig runConfig) {
    this(image, runConfig, "");
  }

  /** The image ID ({@code sha256:…}), or empty for scratch. */
  String id() {
    return image == null ? "" : image.id().toString();
  }

  /** The 12-hex short ID dockerd prints after {@code --->}. */
  String shortId() {
    return image == null ? "" : image.id().hex().substring(0, 12);
  }

  BuildImage withConfig(ContainerConfig c) {
    return new BuildImage(image, c, maintainer);
  }

  BuildImage withMaintainer(String m) {
    return new BuildImage(image, runConfig, m);
  }

  /** The next state: {@code img} committed with config {@code c}, the maintainer kept. */
  BuildImage advance(Image img, ContainerConfig c) {
    ContainerConfig.Builder b = c.toBuilder();
    b.image = img.id().toString();
    return new BuildImage(img, b.build(), maintainer);
  }
}
