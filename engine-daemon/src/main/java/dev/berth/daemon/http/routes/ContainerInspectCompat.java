package dev.berth.daemon.http.routes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Container inspect as older API versions show it (moby {@code getContainersByName}): below 1.45 the aliases of
 * each user-defined network also list the container's short ID and its hostname, which newer versions only
 * report in {@code DNSNames}.
 */
final class ContainerInspectCompat {
  private ContainerInspectCompat() {}

  static void below145(ObjectNode inspect) {
    String shortId = inspect.path("Id").asText("");
    shortId = shortId.length() > 12 ? shortId.substring(0, 12) : shortId;
    String hostname = inspect.path("Config").path("Hostname").asText("");
    JsonNode networks = inspect.path("NetworkSettings").path("Networks");
    if (!networks.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> n : networks.properties()) {
      if (!isUserDefined(n.getKey()) || !n.getValue().isObject()) {
        continue;
      }
      Set<String> aliases = new LinkedHashSet<>();
      n.getValue().path("Aliases").forEach(a -> aliases.add(a.asText()));
      aliases.add(shortId);
      aliases.add(hostname);
      ArrayNode out = ((ObjectNode) n.getValue()).putArray("Aliases");
      aliases.forEach(out::add);
    }
  }

  /** moby {@code NetworkMode.IsUserDefined}. */
  static boolean isUserDefined(String network) {
    return !network.equals("default") && !network.equals("bridge") && !network.equals("host")
        && !network.equals("none") && !network.startsWith("container:");
  }
}
