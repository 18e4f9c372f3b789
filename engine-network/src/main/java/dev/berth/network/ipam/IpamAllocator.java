package dev.berth.network.ipam;

import dev.berth.api.errors.ForbiddenException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.UnavailableException;
import dev.berth.network.store.JsonFile;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.type.TypeReference;

/**
 * The default IPAM driver: named pools (one per network subnet) with a bitset each. State is written (temp file,
 * fsync, atomic rename) before an address is used, so a restarted daemon never hands an address out twice. Thread-safe.
 */
public final class IpamAllocator {
  private static final TypeReference<Map<String, PoolState>> TYPE = new TypeReference<>() {};

  private final JsonFile<Map<String, PoolState>> file;
  private final Map<String, AddressPool> pools = new LinkedHashMap<>();

  /**
   * With a {@code stateFile}, every change is written through before the call returns. Without one, the owner
   * persists {@link #snapshot()} itself (NetworkManager folds it into networks.json so that a {@code docker run}
   * costs one fsync, not two) and hands it back with {@link #restore(Map)}.
   */
  public IpamAllocator(Path stateFile) {
    this.file = stateFile == null ? null : new JsonFile<>(stateFile, TYPE);
    if (file != null) {
      file.read().ifPresent(this::restore);
    }
  }

  /** Everything needed to rebuild the allocator: pool id → state. */
  public synchronized Map<String, PoolState> snapshot() {
    Map<String, PoolState> out = new LinkedHashMap<>();
    pools.forEach((id, p) -> out.put(id, new PoolState(p.subnet().toString(),
        p.range().equals(p.subnet()) ? null : p.range().toString(),
        p.gateway() == null ? null : Addresses.format(p.gateway()),
        new ArrayList<>(p.allocated().stream().map(Addresses::format).toList()), p.nextIndex())));
    return out;
  }

  /** Replaces the pools with a {@link #snapshot()} taken earlier (daemon start). */
  public synchronized void restore(Map<String, PoolState> states) {
    pools.clear();
    states.forEach((id, s) -> pools.put(id, restore(s)));
  }

  /**
   * Registers a pool. {@code range} and {@code gateway} may be null (gateway: first address of the range). Adding
   * the same id with the same subnet again is a no-op (restart); overlapping another pool is moby's ErrPoolOverlap.
   */
  public synchronized InetAddress addPool(String poolId, Subnet subnet, Subnet range, InetAddress gateway) {
    AddressPool existing = pools.get(poolId);
    if (existing != null && existing.subnet().equals(subnet)) {
      return existing.gateway();
    }
    for (AddressPool p : pools.values()) {
      if (p.subnet().overlaps(subnet)) {
        throw new PoolOverlapException();
      }
    }
    if (range != null && !subnet.contains(range)) {
      throw new InvalidParameterException("invalid ip-range " + range + ": it must be within subnet " + subnet);
    }
    if (gateway != null && !subnet.contains(gateway)) {
      throw new InvalidParameterException("invalid gateway " + Addresses.format(gateway) + ": it must be within "
          + "subnet " + subnet);
    }
    InetAddress gw = gateway;
    if (gw == null) {
      gw = new AddressPool(subnet, range, null).allocate();
      if (gw == null) {
        throw new UnavailableException("No available addresses on this pool");
      }
    }
    pools.put(poolId, new AddressPool(subnet, range, gw));
    save();
    return gw;
  }

  public synchronized void removePool(String poolId) {
    if (pools.remove(poolId) != null) {
      save();
    }
  }

  public synchronized boolean hasPool(String poolId) {
    return pools.containsKey(poolId);
  }

  /** Allocates the next free address, or exactly {@code requested} when not null. */
  public synchronized InetAddress allocate(String poolId, InetAddress requested) {
    AddressPool pool = pool(poolId);
    InetAddress got;
    if (requested == null) {
      got = pool.allocate();
      if (got == null) {
        throw new UnavailableException("No available addresses on this pool");
      }
    } else {
      if (!pool.inRange(requested)) {
        throw new InvalidParameterException("no configured subnet or ip-range contain the IP address "
            + Addresses.format(requested));
      }
      if (!pool.allocate(requested)) {
        throw new AddressInUseException();
      }
      got = requested;
    }
    save();
    return got;
  }

  public synchronized void release(String poolId, InetAddress addr) {
    AddressPool pool = pools.get(poolId);
    if (pool != null && pool.isAllocated(addr)) {
      pool.release(addr);
      save();
    }
  }

  public synchronized boolean isAllocated(String poolId, InetAddress addr) {
    AddressPool pool = pools.get(poolId);
    return pool != null && pool.isAllocated(addr);
  }

  public synchronized List<Subnet> subnets() {
    return pools.values().stream().map(AddressPool::subnet).toList();
  }

  public synchronized InetAddress gateway(String poolId) {
    return pool(poolId).gateway();
  }

  private AddressPool pool(String poolId) {
    AddressPool pool = pools.get(poolId);
    if (pool == null) {
      throw new NotFoundException("address pool " + poolId + " not found");
    }
    return pool;
  }

  private static AddressPool restore(PoolState s) {
    AddressPool p = new AddressPool(Subnet.parse(s.subnet()), s.range() == null ? null : Subnet.parse(s.range()),
        s.gateway() == null ? null : Addresses.parse(s.gateway()));
    s.allocated().forEach(a -> p.allocate(Addresses.parse(a)));
    p.nextIndex(s.next());
    return p;
  }

  private void save() {
    if (file != null) {
      file.write(snapshot());
    }
  }

  /** libnetwork's ErrIPAlreadyAllocated: "Address already in use" (Forbidden in moby). */
  public static final class AddressInUseException extends ForbiddenException {
    public AddressInUseException() {
      super("Address already in use");
    }
  }
}
