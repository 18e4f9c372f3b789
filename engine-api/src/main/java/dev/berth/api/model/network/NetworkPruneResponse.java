package dev.berth.api.model.network;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Response of {@code POST /networks/prune} (Go {@code network.PruneReport}); a nil list is written as {@code null}. */
public record NetworkPruneResponse(@JsonProperty("NetworksDeleted") List<String> networksDeleted) {}
