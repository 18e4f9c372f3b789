package dev.berth.network.driver;

import dev.berth.network.Endpoint;
import dev.berth.network.Network;
import dev.berth.network.linux.LinkOps;
import java.nio.file.Path;

/**
 * {@code none} and {@code host}: no plumbing. A {@code none} container still gets a sandbox, a netns with only
 * {@code lo} (brought up on join); a {@code host} container joins the daemon's namespace, which the daemon
 * expresses by giving the runtime no network namespace at all.
 */
public final class NullDriver implements NetworkDriver {
  private final String name;
  private final LinkOps links;

  /** {@code links} non-null: joining brings {@code lo} up in the sandbox ({@code none}). */
  public NullDriver(String name, LinkOps links) {
    this.name = name;
    this.links = links;
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
  public void join(Network network, Endpoint endpoint, Path sandboxKey) {
    if (links != null && sandboxKey != null) {
      links.setLoopbackUp(sandboxKey);
    }
  }

  @Override
  public void leave(Network network, Endpoint endpoint, Path sandboxKey, boolean sandboxGoing) {}
}
