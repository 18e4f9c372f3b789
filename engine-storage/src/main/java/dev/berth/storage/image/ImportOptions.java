package dev.berth.storage.image;

import dev.berth.storage.oci.Platform;
import java.util.List;

/**
 * Parameters of {@code POST /images/create?fromSrc=…}.
 *
 * @param repo the {@code repo} query parameter (may be empty: untagged)
 * @param tag the {@code tag} query parameter (may be empty: latest)
 * @param message the commit message; empty means "Imported from {@code source}", as dockerd
 * @param changes Dockerfile instructions to apply to the config
 * @param source {@code fromSrc}: {@code -} for the request body, or the URL the daemon downloaded
 * @param platform the image platform, null for the host's
 */
public record ImportOptions(String repo, String tag, String message, List<String> changes, String source,
    Platform platform) {}
