package dev.berth.network.firewall;

import dev.berth.network.linux.CommandRunner;
import java.util.List;

/**
 * {@link Firewall} with the nft binary ({@code nft -f -}): one exec per change, one kernel transaction each. The
 * intactness check lists only Berth's table and compares the published-port map elements and masquerade rules
 * with what it rendered, which catches {@code nft flush ruleset}, a deleted table or a flushed chain or map.
 */
public final class NftFirewall implements Firewall {
  /** A map element as nft lists it: {@code tcp . 8080 : 172.18.0.2 . 80} (the type line has no digits there). */
  private static final java.util.regex.Pattern ELEMENT = java.util.regex.Pattern.compile("\\d : \\d");

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
  public void changePorts(List<PortRule> added, List<PortRule> removed, FirewallRules after) {
    if (!added.isEmpty() || !removed.isEmpty()) {
      runner.check("update published ports", List.of("nft", "-f", "-"),
          ruleset.renderPortChange(added, removed, after));
    }
  }

  @Override
  public boolean isIntact(FirewallRules rules) {
    CommandRunner.Result r = runner.run(List.of("nft", "list", "table", "ip", ruleset.table()), null);
    if (!r.ok()) {
      return false;
    }
    return ELEMENT.matcher(r.stdout()).results().count() == rules.ports().size()
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
