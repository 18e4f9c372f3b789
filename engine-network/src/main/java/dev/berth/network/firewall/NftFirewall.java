package dev.berth.network.firewall;

import dev.berth.network.linux.CommandRunner;
import java.util.List;

/**
 * {@link Firewall} with the nft binary ({@code nft -f -}): one exec per change, applied as one kernel transaction.
 * The intactness check lists only Berth's ip table and compares the number of NAT statements with the ones it
 * rendered, which catches {@code nft flush ruleset}, a deleted table and a flushed chain.
 */
public final class NftFirewall implements Firewall {
  private final CommandRunner runner;
  private final NftRuleset ruleset;

  public NftFirewall(CommandRunner runner, String table) {
    this.runner = runner;
    this.ruleset = new NftRuleset(table);
  }

  /** True when an {@code nft} binary answers. */
  public static boolean isAvailable(CommandRunner runner) {
    try {
      return runner.run(List.of("nft", "--version"), null).ok();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void apply(FirewallRules rules) {
    runner.check("apply nftables rules", List.of("nft", "-f", "-"), ruleset.render(rules));
  }

  @Override
  public boolean isIntact(FirewallRules rules) {
    CommandRunner.Result r = runner.run(List.of("nft", "list", "table", "ip", ruleset.table()), null);
    if (!r.ok()) {
      return false;
    }
    return count(r.stdout(), "dnat to") == rules.ports().size()
        && count(r.stdout(), "masquerade") == expectedMasquerades(rules)
        && r.stdout().contains("chain forward");
  }

  @Override
  public void remove() {
    runner.run(List.of("nft", "-f", "-"), ruleset.renderRemove());
  }

  private static long expectedMasquerades(FirewallRules rules) {
    return rules.networks().stream().filter(n -> n.masquerade() && !n.internal() && !n.subnet().ipv6()).count();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }
}
