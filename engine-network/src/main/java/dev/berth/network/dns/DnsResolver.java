package dev.berth.network.dns;

import dev.berth.network.ipam.Addresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Decides how a query from a sandbox is answered: from the {@link DnsRegistry} (A, AAAA, PTR for container names
 * and addresses; TTL 600 like dockerd; AAAA of a known IPv4-only name is an empty NOERROR), or by forwarding
 * (empty result). Pure apart from the registry read.
 */
public final class DnsResolver {
  static final long TTL = 600;

  private final DnsRegistry registry;

  public DnsResolver(DnsRegistry registry) {
    this.registry = registry;
  }

  /** The local reply, or empty when the query should be forwarded upstream. */
  public Optional<DnsMessage> answer(String sandboxId, DnsMessage q) {
    if (q.response() || q.opcode() != 0 || q.questions().size() != 1) {
      return Optional.of(q.reply(q.opcode() != 0 ? 4 : DnsMessage.FORMERR, List.of())); // 4: NOTIMP
    }
    DnsMessage.Question question = q.questions().get(0);
    if (question.type() == DnsMessage.TYPE_PTR) {
      return ptr(sandboxId, q, question.name());
    }
    if (question.type() != DnsMessage.TYPE_A && question.type() != DnsMessage.TYPE_AAAA) {
      return Optional.empty();
    }
    Optional<List<InetAddress>> found = registry.lookup(sandboxId, question.name());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    boolean v6 = question.type() == DnsMessage.TYPE_AAAA;
    List<DnsMessage.Record> answers = new ArrayList<>();
    for (InetAddress ip : found.get()) {
      if ((ip instanceof Inet6Address) == v6) {
        answers.add(new DnsMessage.Record(question.name(), question.type(), DnsMessage.CLASS_IN, TTL,
            ip.getAddress()));
      }
    }
    Collections.shuffle(answers); // round-robin between containers sharing an alias, as dockerd
    return Optional.of(q.reply(DnsMessage.NOERROR, answers));
  }

  private Optional<DnsMessage> ptr(String sandboxId, DnsMessage q, String name) {
    InetAddress ip = parseReverse(name);
    if (ip == null) {
      return Optional.empty();
    }
    return registry.reverse(sandboxId, ip).map(target -> q.reply(DnsMessage.NOERROR, List.of(
        new DnsMessage.Record(name, DnsMessage.TYPE_PTR, DnsMessage.CLASS_IN, TTL, DnsCodec.encodeName(target)))));
  }

  /** {@code 2.0.17.172.in-addr.arpa} → 172.17.0.2, 32 nibbles {@code .ip6.arpa} → IPv6; null otherwise. */
  static InetAddress parseReverse(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".ip6.arpa")) {
      String[] nibbles = lower.substring(0, lower.length() - ".ip6.arpa".length()).split("\\.");
      if (nibbles.length != 32) {
        return null;
      }
      StringBuilder hex = new StringBuilder();
      for (int i = 31; i >= 0; i--) {
        if (!nibbles[i].matches("[0-9a-f]")) {
          return null;
        }
        hex.append(nibbles[i]);
        if (i % 4 == 0 && i > 0) {
          hex.append(':');
        }
      }
      return Addresses.parse(hex.toString());
    }
    String suffix = ".in-addr.arpa";
    if (!name.endsWith(suffix)) {
      return null;
    }
    String[] octets = name.substring(0, name.length() - suffix.length()).split("\\.");
    if (octets.length != 4) {
      return null;
    }
    try {
      return Addresses.parse(octets[3] + "." + octets[2] + "." + octets[1] + "." + octets[0]);
    } catch (RuntimeException e) {
      return null;
    }
  }
}
