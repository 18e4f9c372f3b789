package dev.berth.network.ipam;

import java.math.BigInteger;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The addresses of one subnet (optionally limited to an {@code --ip-range}) as a bitset. The network address, the
 * IPv4 broadcast address and the gateway are never handed out. Allocation is serial (next-fit after the last
 * allocation, wrapping), as dockerd's bitmap does, so a released address is not reused at once. Large IPv6
 * prefixes are capped at {@link #MAX_ADDRESSES} allocatable addresses. The range only limits dynamic allocation:
 * a requested address may be anywhere in the subnet (libnetwork checks the pool, not the range); those outside
 * the range are tracked in a set. Not thread-safe: {@link IpamAllocator} serialises access.
 */
final class AddressPool {
  static final int MAX_ADDRESSES = 1 << 24;

  private final Subnet subnet;
  private final Subnet range;
  private final InetAddress gateway;
  private final long rangeStart; // offset of the range's first address within the subnet
  private final int count; // addresses tracked by the bitset
  private final BitSet used = new BitSet();
  private final Set<InetAddress> outsideRange = new LinkedHashSet<>();
  private int next; // bit index where the next serial search starts

  AddressPool(Subnet subnet, Subnet range, InetAddress gateway) {
    this.subnet = subnet;
    this.range = range == null ? subnet : range;
    this.gateway = gateway;
    this.rangeStart = subnet.offsetOf(this.range.network()).longValueExact();
    this.count = this.range.size().min(BigInteger.valueOf(MAX_ADDRESSES)).intValueExact();
    reserve(BigInteger.ZERO);
    if (!subnet.ipv6() && subnet.prefix() < 31) {
      reserve(subnet.size().subtract(BigInteger.ONE));
    }
    if (gateway != null) {
      reserve(subnet.offsetOf(gateway));
    }
  }

  Subnet subnet() {
    return subnet;
  }

  Subnet range() {
    return range;
  }

  InetAddress gateway() {
    return gateway;
  }

  /** The next free address, or null when the pool is exhausted. */
  InetAddress allocate() {
    int bit = used.nextClearBit(next);
    if (bit >= count) {
      bit = used.nextClearBit(0);
      if (bit >= count) {
        return null;
      }
    }
    used.set(bit);
    next = bit + 1 >= count ? 0 : bit + 1;
    return toAddress(bit);
  }

  /** Marks {@code addr} used; false when it already was. The caller checked {@link #contains}. */
  boolean allocate(InetAddress addr) {
    int bit = toBit(addr);
    if (bit < 0) {
      return subnet.contains(addr) && !isReserved(addr) && outsideRange.add(addr);
    }
    if (used.get(bit)) {
      return false;
    }
    used.set(bit);
    return true;
  }

  boolean contains(InetAddress addr) {
    return subnet.contains(addr);
  }

  /** In the subnet and in the part of the range the bitset tracks. */
  /** Whether {@code addr} may be requested: anywhere in the subnet. */
  boolean inRange(InetAddress addr) {
    return subnet.contains(addr);
  }

  boolean isAllocated(InetAddress addr) {
    int bit = toBit(addr);
    return bit >= 0 ? used.get(bit) : outsideRange.contains(addr);
  }

  void release(InetAddress addr) {
    outsideRange.remove(addr);
    int bit = toBit(addr);
    if (bit >= 0 && !isReserved(addr)) {
      used.clear(bit);
    }
  }

  /** Addresses handed out (reserved ones excluded), for persistence. */
  List<InetAddress> allocated() {
    List<InetAddress> out = new ArrayList<>();
    for (int bit = used.nextSetBit(0); bit >= 0; bit = used.nextSetBit(bit + 1)) {
      InetAddress a = toAddress(bit);
      if (!isReserved(a)) {
        out.add(a);
      }
    }
    out.addAll(outsideRange);
    return out;
  }

  int nextIndex() {
    return next;
  }

  void nextIndex(int next) {
    this.next = next < 0 || next >= count ? 0 : next;
  }

  private boolean isReserved(InetAddress a) {
    BigInteger off = subnet.offsetOf(a);
    if (off.signum() == 0 || (gateway != null && Addresses.sameBytes(a, gateway))) {
      return true;
    }
    return !subnet.ipv6() && subnet.prefix() < 31 && off.equals(subnet.size().subtract(BigInteger.ONE));
  }

  private void reserve(BigInteger subnetOffset) {
    long bit = subnetOffset.longValue() - rangeStart;
    if (subnetOffset.bitLength() < 63 && bit >= 0 && bit < count) {
      used.set((int) bit);
    }
  }

  private int toBit(InetAddress addr) {
    if (!range.contains(addr)) {
      return -1;
    }
    BigInteger off = range.offsetOf(addr);
    return off.compareTo(BigInteger.valueOf(count)) < 0 ? off.intValue() : -1;
  }

  private InetAddress toAddress(int bit) {
    return range.address(BigInteger.valueOf(bit));
  }
}
