package dev.berth.network.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.SystemException;
import dev.berth.network.ipam.Addresses;
import dev.berth.network.ipam.Subnet;
import dev.berth.network.linux.CommandRunner;
import dev.berth.network.linux.FakeCommandRunner;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirewallManagerTest {
  private final NetworkRule net = new NetworkRule("br-x", Subnet.parse("10.251.1.0/24"), true, true, false);
  private final PortRule port = new PortRule("br-x", "tcp", null, 8080, Addresses.parse("10.251.1.2"), 80);

  @Test
  void flushedRulesAreReapplied() {
    FakeFirewall fw = new FakeFirewall();
    FirewallManager m = new FirewallManager(fw);
    m.putNetwork("n", net);
    m.putPorts("ep", List.of(port));
    assertFalse(m.checkAndRepair());
    fw.flush();
    assertTrue(m.checkAndRepair());
    assertEquals(List.of(port), fw.current.ports());
  }

  @Test
  void failedPortApplyRestoresPreviousState() {
    FakeFirewall fw = new FakeFirewall();
    FirewallManager m = new FirewallManager(fw);
    m.putNetwork("n", net);
    fw.failNextApply = new SystemException("nft failed");
    assertThrows(SystemException.class, () -> m.putPorts("ep", List.of(port)));
    assertTrue(m.rules().ports().isEmpty());
  }

  @Test
  void nftIntactnessCountsNatStatements() {
    FakeCommandRunner runner = new FakeCommandRunner();
    NftFirewall nft = new NftFirewall(runner, "berth");
    FirewallRules rules = new FirewallRules(List.of(net), List.of(port));
    runner.responder = cmd -> new CommandRunner.Result(0,
        "table ip berth {\n elements = { tcp . 8080 : 10.251.1.2 . 80 }\n chain forward {\n }\n ... masquerade\n}", "");
    assertTrue(nft.isIntact(rules));
    runner.responder = cmd -> new CommandRunner.Result(0, "table ip berth {\n chain forward {\n }\n}", "");
    assertFalse(nft.isIntact(rules), "a flushed chain is detected");
    runner.responder = cmd -> new CommandRunner.Result(1, "", "Error: No such file or directory");
    assertFalse(nft.isIntact(rules));
    runner.responder = cmd -> new CommandRunner.Result(0, "", "");
    nft.apply(rules);
    assertEquals("nft -f -", runner.calls.get(runner.calls.size() - 1).command());
  }
}
