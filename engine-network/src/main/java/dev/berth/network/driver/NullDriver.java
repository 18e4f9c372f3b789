package dev.berth.network.driver;

import dev.berth.network.Endpoint;
import dev.berth.network.Network;
import java.nio.file.Path;

/**
 * {@code none} and {@code host}: no plumbing. A {@code none} container still gets a sandbox (a netns with only
 * {@code lo}, brought up when the sandbox is created); a {@code host} container joins the daemon's namespace, which
 * the daemon expresses by giving the runtime no network namespace at all.
 */
public final class NullDriver implements NetworkDriver {
  private final String name;

  public NullDriver(String name) {
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean needsAddress() {
    return false;
  }

  @Override
  public void createNetwork(Network network) {}

  @Override
  public void deleteNetwork(Network network) {}

  @Override
  public void join(Network network, Endpoint endpoint, Path sandboxKey) {}

  @Override
  public void leave(Network network, Endpoint endpoint, Path sandboxKey) {}
}
