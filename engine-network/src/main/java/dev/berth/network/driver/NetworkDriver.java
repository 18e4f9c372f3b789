package dev.berth.network.driver;

import dev.berth.network.Endpoint;
import dev.berth.network.Network;
import java.nio.file.Path;

/** A network driver (libnetwork's driverapi, trimmed): creates the network's plumbing and joins endpoints. */
public interface NetworkDriver {

  /** The API driver name: {@code bridge}, {@code host}, {@code null}. */
  String name();

  /** Whether endpoints of this driver get an address from IPAM. */
  boolean needsAddress();

  /** Creates (or, after a restart, re-creates idempotently) the network's plumbing. */
  void createNetwork(Network network);

  /** Removes the plumbing; missing pieces are fine. */
  void deleteNetwork(Network network);

  /** Wires the endpoint into the sandbox pinned at {@code sandboxKey}. */
  void join(Network network, Endpoint endpoint, Path sandboxKey);

  /**
   * Unwires the endpoint; missing pieces are fine. {@code sandboxGoing}: the sandbox is removed right after, so
   * kernel objects that die with it need not be removed synchronously.
   */
  void leave(Network network, Endpoint endpoint, Path sandboxKey, boolean sandboxGoing);
}
