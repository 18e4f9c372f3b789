package dev.berth.network.dns;

import dev.berth.api.errors.InvalidParameterException;
import java.util.List;

/** A container's /etc/hosts, as dockerd writes it (pure). */
public final class HostsFile {
  public static final String HOST_GATEWAY = "host-gateway";
  private static final String DEFAULTS_V4 = "127.0.0.1\tlocalhost\n";
  private static final String DEFAULTS_V6 = "::1\tlocalhost ip6-localhost ip6-loopback\n"
      + "fe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n";

  private HostsFile() {}

  /**
   * @param ownIps the container's addresses, one own line each: IPv4 then IPv6 of each endpoint in order, as
   *     dockerd 28 writes them (empty for {@code --network none})
   * @param hostname the container's hostname; {@code domainname} may be empty
   * @param extraHosts {@code --add-host} entries {@code name:ip} (or {@code name=ip}); {@code host-gateway} becomes
   *     {@code hostGatewayIp}
   * @param ipv6 whether to keep the IPv6 localhost lines
   */
  public static String render(List<String> ownIps, String hostname, String domainname, List<String> extraHosts,
      String hostGatewayIp, boolean ipv6) {
    StringBuilder s = new StringBuilder(DEFAULTS_V4);
    if (ipv6) {
      s.append(DEFAULTS_V6);
    }
    for (String entry : extraHosts) {
      int sep = entry.indexOf('=') >= 0 ? entry.indexOf('=') : entry.indexOf(':');
      if (sep <= 0) {
        throw new InvalidParameterException("invalid IP address in add-host: \"" + entry + "\"");
      }
      String name = entry.substring(0, sep);
      String ip = entry.substring(sep + 1);
      if (ip.startsWith("[") && ip.endsWith("]")) {
        ip = ip.substring(1, ip.length() - 1);
      }
      if (ip.equals(HOST_GATEWAY)) {
        if (hostGatewayIp == null) {
          throw new InvalidParameterException("unable to derive the IP value for host-gateway");
        }
        ip = hostGatewayIp;
      }
      s.append(ip).append('\t').append(name).append('\n');
    }
    for (String ownIp : ownIps) {
      s.append(ownLine(ownIp, hostname, domainname));
    }
    return s.toString();
  }

  /** The container's own line for one of its addresses: {@code 172.18.0.2\tweb.example web}. */
  public static String ownLine(String ip, String hostname, String domainname) {
    StringBuilder s = new StringBuilder(ip).append('\t');
    if (domainname != null && !domainname.isEmpty()) {
      s.append(hostname).append('.').append(domainname).append(' ');
    }
    return s.append(hostname).append('\n').toString();
  }

  /**
   * The file after a {@code network connect}/{@code disconnect} of a running container (moby
   * {@code updateHostsFile}/{@code deleteHostsEntries}): own lines for {@code added} appended, own lines of
   * {@code removed} dropped; everything else (including what the user wrote) kept.
   */
  public static String update(String current, List<String> added, List<String> removed, String hostname,
      String domainname) {
    StringBuilder s = new StringBuilder();
    for (String line : current.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      boolean own = f.length >= 2 && removed.contains(f[0]) && f[f.length - 1].equals(hostname);
      if (!own) {
        s.append(line).append('\n');
      }
    }
    for (String ip : added) {
      s.append(ownLine(ip, hostname, domainname));
    }
    return s.toString();
  }
}
