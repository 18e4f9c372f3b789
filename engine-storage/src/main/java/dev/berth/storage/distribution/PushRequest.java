package dev.berth.storage.distribution;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.storage.distribution.manifest.Descriptor;
import java.util.List;

/**
 * What to push: a tagged reference, the image's config blob and layers (bottom-most first, as in the manifest).
 *
 * @param manifestMediaType null to let {@link dev.berth.storage.distribution.manifest.ManifestBuilder} choose
 *     (Docker schema 2 like dockerd whenever possible)
 */
public record PushRequest(RemoteReference reference, AuthConfig auth, Descriptor config, List<PushLayer> layers,
    String manifestMediaType) {

  public PushRequest {
    if (reference.tag() == null) {
      throw new InvalidParameterException("cannot push a digest reference");
    }
    auth = auth == null ? AuthConfig.ANONYMOUS : auth;
    layers = List.copyOf(layers);
  }

  public static PushRequest of(RemoteReference reference, AuthConfig auth, Descriptor config,
      List<PushLayer> layers) {
    return new PushRequest(reference, auth, config, layers, null);
  }
}
