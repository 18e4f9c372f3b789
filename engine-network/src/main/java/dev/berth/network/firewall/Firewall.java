package dev.berth.network.firewall;

import java.util.List;

/** Berth's own packet-filter table. */
public interface Firewall {

  /** Makes the kernel state equal to {@code rules}, atomically (stale rules of a crashed daemon disappear). */
  void apply(FirewallRules rules);

  /**
   * Publishes {@code added} and withdraws {@code removed} without touching anything else; {@code after} is the
   * whole state once done. The default re-applies everything.
   */
  default void changePorts(List<PortRule> added, List<PortRule> removed, FirewallRules after) {
    apply(after);
  }

  /** False when someone flushed or damaged the table since {@code rules} were applied. */
  boolean isIntact(FirewallRules rules);

  /** Deletes Berth's table. A missing table is fine. */
  void remove();
}
