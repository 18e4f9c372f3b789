package dev.berth.api.backend;

import dev.berth.api.filters.Filters;
import dev.berth.api.model.network.NetworkConnectRequest;
import dev.berth.api.model.network.NetworkCreateRequest;
import dev.berth.api.model.network.NetworkCreateResponse;
import dev.berth.api.model.network.NetworkDisconnectRequest;
import dev.berth.api.model.network.NetworkPruneResponse;
import dev.berth.api.model.network.NetworkResource;
import java.util.List;

/**
 * What the {@code /networks} routes need (moby {@code network.Backend}). Network references are full IDs, names
 * or unique ID prefixes; container references are IDs, unique ID prefixes or names. Errors are engine error kinds
 * with dockerd's messages.
 */
public interface NetworkBackend {

  /** {@code GET /networks}: filters {@code dangling}, {@code driver}, {@code id}, {@code label}, {@code name},
   *  {@code scope}, {@code type}; {@code Containers} is left empty as dockerd does. */
  List<NetworkResource> list(Filters filters);

  /**
   * {@code GET /networks/{id}} with {@code Containers} filled in.
   *
   * @param scope empty for any; a scope other than {@code local} finds nothing
   */
  NetworkResource inspect(String network, boolean verbose, String scope);

  /** {@code POST /networks/create}; emits {@code network create}. */
  NetworkCreateResponse create(NetworkCreateRequest request);

  /** {@code DELETE /networks/{id}}; emits {@code network destroy}. */
  void remove(String network);

  /** {@code POST /networks/{id}/connect}: running containers get a new interface now, stopped ones at start. */
  void connect(String network, NetworkConnectRequest request);

  /** {@code POST /networks/{id}/disconnect}. */
  void disconnect(String network, NetworkDisconnectRequest request);

  /**
   * {@code POST /networks/prune}: filters {@code label}, {@code label!} and {@code until}. The HTTP layer turns
   * {@code until} (duration, RFC 3339, unix time) into absolute unix time ({@code seconds[.nanos]}).
   */
  NetworkPruneResponse prune(Filters filters);
}
