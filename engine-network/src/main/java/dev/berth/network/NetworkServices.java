package dev.berth.network;

import dev.berth.network.dns.DnsRegistry;
import dev.berth.network.dns.EmbeddedDns;
import dev.berth.network.firewall.FirewallManager;
import dev.berth.network.ipam.HostSubnets;
import dev.berth.network.ipam.IpamAllocator;
import dev.berth.network.linux.LinkOps;
import dev.berth.network.linux.NetnsOps;
import dev.berth.network.linux.Sysctl;
import dev.berth.network.portmap.PortMapper;

/**
 * The collaborators {@link NetworkManager} is built from. {@link NetworkManagers#linux} wires the real ones; tests
 * pass fakes ({@code FakeNetnsOps}, {@code FakeLinkOps}, {@code FakeFirewall}, {@code FakePortProxy}).
 * {@code sysctl} may be null (nothing is written).
 */
public record NetworkServices(NetnsOps netns, LinkOps links, FirewallManager firewall, IpamAllocator ipam,
    HostSubnets hostSubnets, PortMapper ports, EmbeddedDns dns, DnsRegistry dnsRegistry, Sysctl sysctl) {}
