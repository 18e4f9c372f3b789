package dev.berth.network.firewall;

import java.net.InetAddress;

/**
 * One published port: traffic to {@code hostIp:hostPort} (hostIp null = every host address) arriving from anywhere
 * but the container's own bridge is DNATed to {@code containerIp:containerPort}, and let through the forward chain.
 */
public record PortRule(String bridge, String proto, InetAddress hostIp, int hostPort, InetAddress containerIp,
    int containerPort) {}
