package dev.berth.daemon.image;

import dev.berth.api.model.system.AuthConfig;

/** The wire {@link AuthConfig} as the registry client's credentials (anonymous when absent). */
final class Credentials {
  private Credentials() {}

  static dev.berth.storage.distribution.AuthConfig of(AuthConfig a) {
    if (a == null) {
      return dev.berth.storage.distribution.AuthConfig.ANONYMOUS;
    }
    return new dev.berth.storage.distribution.AuthConfig(a.username(), a.password(), a.auth(), a.serverAddress(),
        a.identityToken(), a.registryToken());
  }
}
