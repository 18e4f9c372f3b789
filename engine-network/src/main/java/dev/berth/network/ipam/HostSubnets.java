package dev.berth.network.ipam;

import java.util.List;

/** Subnets the host already routes or carries on an interface, so default-pool selection can avoid them. */
public interface HostSubnets {
  List<Subnet> inUse();
}
