package dev.berth.daemon.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a container's {@code hostname}, {@code hosts} and {@code resolv.conf} into its directory (they are
 * bind-mounted over /etc). resolv.conf is the host's with loopback nameservers removed, as dockerd filters it
 * for containers outside the host's network namespace.
 */
final class NetworkFiles {
  private NetworkFiles() {}

  static void write(Path dir, String hostname, String domainname, String ip, boolean hostNetwork,
      List<String> extraHosts, List<String> dns, List<String> dnsSearch, List<String> dnsOptions)
      throws IOException {
    Files.createDirectories(dir);
    String fqdn = domainname == null || domainname.isEmpty() ? hostname : hostname + "." + domainname;
    Files.writeString(dir.resolve("hostname"), hostname + "\n");
    StringBuilder hosts = new StringBuilder();
    if (hostNetwork) {
      hosts.append(readOr(Path.of("/etc/hosts"), "127.0.0.1\tlocalhost\n"));
    } else {
      hosts.append("127.0.0.1\tlocalhost\n")
          .append("::1\tlocalhost ip6-localhost ip6-loopback\n")
          .append("fe00::\tip6-localnet\n")
          .append("ff00::\tip6-mcastprefix\n")
          .append("ff02::1\tip6-allnodes\n")
          .append("ff02::2\tip6-allrouters\n");
    }
    for (String h : extraHosts == null ? List.<String>of() : extraHosts) {
      int i = h.indexOf(':');
      if (i > 0) {
        hosts.append(h.substring(i + 1)).append('\t').append(h, 0, i).append('\n');
      }
    }
    if (ip != null && !ip.isEmpty()) {
      hosts.append(ip).append('\t').append(fqdn.equals(hostname) ? hostname : fqdn + " " + hostname).append('\n');
    }
    Files.writeString(dir.resolve("hosts"), hosts.toString());
    Files.writeString(dir.resolve("resolv.conf"), resolvConf(hostNetwork, dns, dnsSearch, dnsOptions),
        StandardCharsets.UTF_8);
  }

  static String resolvConf(boolean hostNetwork, List<String> dns, List<String> search, List<String> options) {
    List<String> lines = new ArrayList<>();
    List<String> hostLines = List.of(readOr(Path.of("/etc/resolv.conf"), "").split("\n"));
    List<String> servers = new ArrayList<>();
    List<String> searches = new ArrayList<>();
    List<String> opts = new ArrayList<>();
    for (String l : hostLines) {
      String t = l.trim();
      if (t.startsWith("nameserver")) {
        String ns = t.substring("nameserver".length()).trim();
        if (hostNetwork || !(ns.startsWith("127.") || ns.equals("::1"))) {
          servers.add(ns);
        }
      } else if (t.startsWith("search") || t.startsWith("domain")) {
        searches.add(t.replaceFirst("^(search|domain)\\s+", ""));
      } else if (t.startsWith("options")) {
        opts.add(t.substring("options".length()).trim());
      }
    }
    if (dns != null && !dns.isEmpty()) {
      servers = dns;
    } else if (servers.isEmpty()) {
      servers = List.of("8.8.8.8", "8.8.4.4");
    }
    if (search != null && !search.isEmpty()) {
      searches = List.of(String.join(" ", search));
    }
    if (options != null && !options.isEmpty()) {
      opts = List.of(String.join(" ", options));
    }
    searches.forEach(s -> lines.add("search " + s));
    servers.forEach(s -> lines.add("nameserver " + s));
    opts.forEach(o -> lines.add("options " + o));
    return String.join("\n", lines) + "\n";
  }

  private static String readOr(Path p, String fallback) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return fallback;
    }
  }
}
