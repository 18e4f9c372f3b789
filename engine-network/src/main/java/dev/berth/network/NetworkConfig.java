package dev.berth.network;

import dev.berth.network.ipam.DefaultAddressPools;
import java.nio.file.Path;

/**
 * The daemon settings the network module needs (dockerd's names in comments). {@code stateDir} holds
 * networks.json and ipam.json ({@code <data-root>/network}); sandboxes are pinned under {@code
 * <execRoot>/netns}. {@code bip} (CIDR of the default bridge's gateway, e.g. {@code 172.17.0.1/16}) may be null:
 * the first free default pool is taken.
 */
public record NetworkConfig(
    Path stateDir,
    Path execRoot,
    String defaultBridgeName, // "berth0"; dockerd's docker0 (never touched)
    String bip,
    DefaultAddressPools defaultAddressPools, // default-address-pools
    int mtu, // mtu
    boolean ipForward, // ip-forward
    boolean icc, // icc
    boolean ipMasq, // ip-masq
    String defaultBindIp, // ip
    String firewallTable,
    long firewallCheckMillis) { // 0: no watchdog

  public static NetworkConfig defaults(Path stateDir, Path execRoot) {
    return new NetworkConfig(stateDir, execRoot, "berth0", null, DefaultAddressPools.dockerDefaults(), 1500, true,
        true, true, "0.0.0.0", "berth", 10_000);
  }

  public Path netnsDir() {
    return execRoot.resolve("netns");
  }
}
