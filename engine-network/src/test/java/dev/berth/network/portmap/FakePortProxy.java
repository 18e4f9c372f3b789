package dev.berth.network.portmap;

import java.io.Closeable;
import java.net.BindException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Pretends to bind; ports in {@link #hostBusy} fail like a port held by a host process. */
public final class FakePortProxy implements PortProxy {
  public final Set<Integer> hostBusy = new HashSet<>();
  public final Set<String> open = new HashSet<>();
  public final List<String> started = new ArrayList<>();

  @Override
  public synchronized Closeable start(String proto, InetAddress hostIp, int hostPort, InetAddress containerIp,
      int containerPort) throws BindException {
    if (hostBusy.contains(hostPort)) {
      throw new BindException("Address already in use");
    }
    String key = proto + "/" + hostIp.getHostAddress() + ":" + hostPort;
    open.add(key);
    started.add(key + "->" + containerIp.getHostAddress() + ":" + containerPort);
    return () -> {
      synchronized (this) {
        open.remove(key);
      }
    };
  }
}
