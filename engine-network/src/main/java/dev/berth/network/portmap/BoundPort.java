package dev.berth.network.portmap;

/** A port actually published: what {@code NetworkSettings.Ports} and {@code docker port} show. */
public record BoundPort(String proto, String hostIp, int hostPort, int containerPort) {
  /** {@code 0.0.0.0:8080->80/tcp}. */
  @Override
  public String toString() {
    return hostIp + ":" + hostPort + "->" + containerPort + "/" + proto;
  }
}
