package dev.berth.network.portmap;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;

/**
 * Holds a published host port open and relays what arrives on it to the container. Binding is how conflicts with
 * host processes are detected: a {@link java.net.BindException} means the port is taken.
 */
public interface PortProxy {
  Closeable start(String proto, InetAddress hostIp, int hostPort, InetAddress containerIp, int containerPort)
      throws IOException;
}
