package dev.berth.daemon.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --default-address-pool} (daemon.json {@code default-address-pools}) shapes the subnets of new networks. */
class AddressPoolsIT {
  @Test
  void networksTakeTheirSubnetsFromTheConfiguredPools() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
    assumeTrue(DockerCli.available(), "needs the docker CLI");
    BerthDaemon daemon = new BerthDaemon(BerthDaemon.newWorkDir("bap-"),
        List.of("--default-address-pool", "base=10.147.0.0/16,size=24")).start();
    DockerCli docker = daemon.docker();
    try {
      assertEquals(0, docker.run("network", "create", "pool1").exitCode());
      assertEquals(0, docker.run("network", "create", "pool2").exitCode());
      // the default bridge (no --bip) takes the first /24 of the pool, as dockerd's does
      String bridge = docker.run("network", "inspect", "-f", "{{(index .IPAM.Config 0).Subnet}}", "bridge").out();
      String one = docker.run("network", "inspect", "-f", "{{(index .IPAM.Config 0).Subnet}}", "pool1").out();
      String two = docker.run("network", "inspect", "-f", "{{(index .IPAM.Config 0).Subnet}}", "pool2").out();
      for (String s : List.of(bridge, one, two)) {
        assertTrue(s.matches("10\\.147\\.\\d+\\.0/24"), s);
      }
      assertEquals(3, java.util.Set.of(bridge, one, two).size());
    } finally {
      docker.run("network", "rm", "pool1", "pool2");
      daemon.close();
      BerthDaemon.deleteTree(daemon.work());
    }
  }
}
