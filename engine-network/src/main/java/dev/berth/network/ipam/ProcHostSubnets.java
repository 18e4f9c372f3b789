package dev.berth.network.ipam;

import java.io.IOException;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@link HostSubnets} from {@code /proc/net/route} (every IPv4 route but the default one) plus the IPv4 addresses
 * of the host's interfaces (e.g. docker0's 172.17.0.0/16 when a dockerd runs here). No exec.
 */
public final class ProcHostSubnets implements HostSubnets {
  private final Path routeFile;
  private final boolean includeInterfaces;

  public ProcHostSubnets() {
    this(Path.of("/proc/net/route"), true);
  }

  public ProcHostSubnets(Path routeFile, boolean includeInterfaces) {
    this.routeFile = routeFile;
    this.includeInterfaces = includeInterfaces;
  }

  @Override
  public List<Subnet> inUse() {
    List<Subnet> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(routeFile)) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 8 || f[0].equals("Iface")) {
          continue;
        }
        long dest = Long.parseLong(f[1], 16);
        long mask = Long.parseLong(f[7], 16);
        if (mask == 0) {
          continue;
        }
        out.add(Subnet.of(Addresses.fromInteger(java.math.BigInteger.valueOf(Long.reverseBytes(dest) >>> 32),
            false), Long.bitCount(mask)));
      }
    } catch (IOException | NumberFormatException e) {
      // Best effort: a missing route table only weakens the overlap check.
    }
    if (includeInterfaces) {
      try {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
          for (InterfaceAddress a : nic.getInterfaceAddresses()) {
            if (a.getAddress().getAddress().length == 4 && !a.getAddress().isLoopbackAddress()
                && a.getNetworkPrefixLength() > 0) {
              out.add(Subnet.of(a.getAddress(), a.getNetworkPrefixLength()));
            }
          }
        }
      } catch (SocketException e) {
        // Same: best effort.
      }
    }
    return out;
  }
}
