package dev.berth.network.firewall;

import java.util.ArrayList;
import java.util.List;

/** Keeps the last applied rules; {@link #flush()} simulates someone running {@code nft flush ruleset}. */
public final class FakeFirewall implements Firewall {
  public final List<FirewallRules> applied = new ArrayList<>();
  public FirewallRules current;
  public RuntimeException failNextApply;

  @Override
  public synchronized void apply(FirewallRules rules) {
    if (failNextApply != null) {
      RuntimeException e = failNextApply;
      failNextApply = null;
      throw e;
    }
    applied.add(rules);
    current = rules;
  }

  @Override
  public synchronized boolean isIntact(FirewallRules rules) {
    return rules.equals(current);
  }

  @Override
  public synchronized void remove() {
    current = null;
  }

  public synchronized void flush() {
    current = null;
  }
}
