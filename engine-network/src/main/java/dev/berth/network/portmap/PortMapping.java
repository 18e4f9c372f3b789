package dev.berth.network.portmap;

import dev.berth.api.errors.InvalidParameterException;

/**
 * One publish request, as {@code -p [hostIp:][hostPort[-end]:]containerPort[-end][/proto]} or the API's
 * {@code PortBindings} entry. {@code hostPort} 0 means "any ephemeral port"; {@code hostIp} null means all
 * addresses (the network's {@code host_binding_ipv4} default applies).
 */
public record PortMapping(String proto, int containerPort, int containerPortEnd, String hostIp, int hostPort,
    int hostPortEnd) {

  public PortMapping {
    proto = proto == null || proto.isEmpty() ? "tcp" : proto.toLowerCase();
    if (!proto.equals("tcp") && !proto.equals("udp") && !proto.equals("sctp")) {
      throw new InvalidParameterException("invalid proto: " + proto);
    }
    if (containerPortEnd == 0) {
      containerPortEnd = containerPort;
    }
    if (hostPortEnd == 0) {
      hostPortEnd = hostPort;
    }
    check(containerPort, containerPortEnd, false);
    check(hostPort, hostPortEnd, true);
    int containerCount = containerPortEnd - containerPort;
    int hostCount = hostPortEnd - hostPort;
    if (hostPort != 0 && containerCount > 0 && containerCount != hostCount) {
      throw new InvalidParameterException("invalid ranges specified for container and host Ports: "
          + containerPort + "-" + containerPortEnd + " and " + hostPort + "-" + hostPortEnd);
    }
    if (hostIp != null && hostIp.isEmpty()) {
      hostIp = null;
    }
  }

  /** The CLI's {@code -p} syntax. */
  public static PortMapping parse(String spec) {
    String proto = "tcp";
    String rest = spec;
    int slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      proto = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    String hostIp = null;
    String hostPart = "";
    String containerPart;
    if (rest.startsWith("[")) { // [::1]:8080:80
      int close = rest.indexOf(']');
      hostIp = rest.substring(1, close);
      rest = rest.substring(close + 2);
      int colon = rest.indexOf(':');
      hostPart = rest.substring(0, colon);
      containerPart = rest.substring(colon + 1);
    } else {
      String[] f = rest.split(":", -1);
      switch (f.length) {
        case 1 -> containerPart = f[0];
        case 2 -> {
          hostPart = f[0];
          containerPart = f[1];
        }
        case 3 -> {
          hostIp = f[0];
          hostPart = f[1];
          containerPart = f[2];
        }
        default -> throw new InvalidParameterException("invalid port format for --publish: " + spec);
      }
    }
    int[] c = range(containerPart, spec);
    int[] h = hostPart.isEmpty() ? new int[] {0, 0} : range(hostPart, spec);
    return new PortMapping(proto, c[0], c[1], hostIp, h[0], h[1]);
  }

  /** The API form: key {@code "80/tcp"}, binding {@code {"HostIp": "", "HostPort": "8080"}}. */
  public static PortMapping of(String portProto, String hostIp, String hostPort) {
    String[] pp = portProto.split("/", 2);
    int[] c = range(pp[0], portProto);
    int[] h = hostPort == null || hostPort.isEmpty() ? new int[] {0, 0} : range(hostPort, hostPort);
    return new PortMapping(pp.length > 1 ? pp[1] : "tcp", c[0], c[1], hostIp, h[0], h[1]);
  }

  private static int[] range(String s, String spec) {
    try {
      int dash = s.indexOf('-');
      if (dash < 0) {
        int p = Integer.parseInt(s);
        return new int[] {p, p};
      }
      return new int[] {Integer.parseInt(s.substring(0, dash)), Integer.parseInt(s.substring(dash + 1))};
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid port format for --publish: " + spec);
    }
  }

  private static void check(int start, int end, boolean zeroOk) {
    if ((start == 0 && !zeroOk) || start < 0 || end > 65535 || end < start) {
      throw new InvalidParameterException("invalid port specification: " + start + "-" + end);
    }
  }
}
