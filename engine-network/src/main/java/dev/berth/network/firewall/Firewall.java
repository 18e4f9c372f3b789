package dev.berth.network.firewall;

/** Berth's own packet-filter tables. Implementations replace them wholesale and atomically. */
public interface Firewall {

  /** Makes the kernel state equal to {@code rules} (stale rules of a crashed daemon disappear with it). */
  void apply(FirewallRules rules);

  /** False when someone flushed or damaged the tables since the last {@link #apply} of {@code rules}. */
  boolean isIntact(FirewallRules rules);

  /** Deletes Berth's tables. Missing tables are fine. */
  void remove();
}
