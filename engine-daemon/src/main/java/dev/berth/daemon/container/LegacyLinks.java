package dev.berth.daemon.container;

import dev.berth.api.errors.NotFoundException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.container.HostConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code HostConfig.Links} of containers outside user-defined networks (moby's link index): resolved at start
 * to the running linked containers ({@code setupLinkedContainers}; their /etc/hosts lines and environment), and
 * shown by inspect as {@code /child:/parent/alias}. On user-defined networks links are DNS aliases instead.
 */
final class LegacyLinks {
  /** A linked container as the parent sees it at start: its address on the default bridge. */
  record Child(String linkName, String alias, ContainerRecord record, String ip) {
    /** The /etc/hosts line (as an {@code --add-host} entry): alias, hostname, and the name if it differs. */
    String hostsEntry() {
      String names = alias + " " + record.config().hostname();
      if (!alias.equals(record.plainName())) {
        names += " " + record.plainName();
      }
      return names + ":" + ip;
    }

    List<String> env() {
      Set<String> ports = record.config().exposedPorts() == null ? Set.of() : record.config().exposedPorts().keySet();
      return Links.env(linkName, ip, record.config().env(), ports);
    }
  }

  private LegacyLinks() {}

  /** Whether links of this network mode are legacy links (moby: not for user-defined networks). */
  static boolean applies(HostConfig h) {
    String mode = ContainerNetworking.mode(h);
    return mode.equals("bridge") || mode.equals("none") || mode.startsWith("container:");
  }

  /**
   * moby {@code setupLinkedContainers}: every linked container must run and sit on the default bridge.
   *
   * @param containers finds a container by name or ID ({@link NotFoundException} for a removed one: skipped)
   * @param bridgeIp the container's address on the default bridge, or null
   */
  static List<Child> resolve(ContainerRecord parent, Function<String, ContainerRecord> containers,
      Function<String, String> bridgeIp) {
    List<Child> out = new ArrayList<>();
    if (!applies(parent.hostConfig()) || parent.hostConfig().links() == null) {
      return out;
    }
    for (String l : parent.hostConfig().links()) {
      Links.Link link = Links.parse(l);
      ContainerRecord child;
      try {
        child = netnsOwner(containers.apply(link.name()), containers);
      } catch (NotFoundException e) {
        continue;
      }
      String linkName = "/" + parent.plainName() + "/" + link.alias();
      if (!child.state().status().isRunning()) {
        throw new SystemException("Cannot link to a non running container: " + child.name() + " AS " + linkName);
      }
      String ip = bridgeIp.apply(child.id());
      if (ip == null || ip.isEmpty()) {
        throw new SystemException("container " + child.id() + " not attached to default bridge network");
      }
      out.add(new Child(linkName, link.alias(), child, ip));
    }
    return out;
  }

  /** inspect's {@code HostConfig}: links as {@code /child:/parent/alias}, null on user-defined networks. */
  static HostConfig inspect(ContainerRecord r, Function<String, ContainerRecord> containers) {
    HostConfig h = r.hostConfig();
    if (h.links() == null) {
      return h;
    }
    List<String> shown = new ArrayList<>();
    if (applies(h)) {
      for (String l : h.links()) {
        Links.Link link = Links.parse(l);
        try {
          shown.add(Links.inspectForm(containers.apply(link.name()).name(), r.name(), link.alias()));
        } catch (NotFoundException e) {
          // the linked container is gone: so is the link
        }
      }
    }
    HostConfig.Builder b = h.toBuilder();
    b.links = shown.isEmpty() ? null : shown;
    return b.build();
  }

  private static ContainerRecord netnsOwner(ContainerRecord c, Function<String, ContainerRecord> containers) {
    ContainerRecord cur = c;
    for (int i = 0; i < 16 && ContainerNetworking.mode(cur.hostConfig()).startsWith("container:"); i++) {
      cur = containers.apply(ContainerNetworking.mode(cur.hostConfig()).substring("container:".length()));
    }
    return cur;
  }
}
