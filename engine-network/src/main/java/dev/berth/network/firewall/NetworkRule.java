package dev.berth.network.firewall;

import dev.berth.network.ipam.Subnet;

/**
 * What one bridge network asks of the firewall: masquerade its subnet when leaving through another interface,
 * inter-container communication on or off, and {@code internal} (nothing in or out but the bridge itself).
 */
public record NetworkRule(String bridge, Subnet subnet, boolean masquerade, boolean icc, boolean internal) {}
