package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Legacy links ({@code --link name:alias}, compose v1's {@code links:}): moby's {@code opts.ParseLink} and the
 * environment variables of its {@code links} package. Pure.
 */
final class Links {
  /** One link: the linked (child) container's reference and the alias the parent knows it by. */
  record Link(String name, String alias) {}

  private record Port(int num, String proto) {}

  private Links() {}

  /** moby {@code ParseLink}: {@code name:alias}, {@code name} (alias = name), or inspect's {@code /name:/p/alias}. */
  static Link parse(String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidParameterException("empty string specified for links");
    }
    String[] parts = value.split(":", -1);
    if (parts.length > 2) {
      throw new InvalidParameterException("bad format for links: " + value);
    }
    if (parts.length == 1) {
      return new Link(value, value);
    }
    if (parts[0].startsWith("/")) {
      return new Link(parts[0].substring(1), parts[1].substring(parts[1].lastIndexOf('/') + 1));
    }
    return new Link(parts[0], parts[1]);
  }

  /** inspect's {@code HostConfig.Links} entry: {@code /child:/parent/alias}. */
  static String inspectForm(String childName, String parentName, String alias) {
    return slash(childName) + ":" + slash(parentName) + "/" + alias;
  }

  /**
   * moby {@code Link.ToEnv}: {@code ALIAS_PORT…} for the child's exposed ports (TCP first, consecutive ports
   * also as a range), {@code ALIAS_NAME}, and {@code ALIAS_ENV_*} for the child's variables but HOME and PATH.
   *
   * @param linkName {@code /parent/alias}
   * @param exposedPorts {@code 80/tcp} keys of the child's {@code ExposedPorts}
   */
  static List<String> env(String linkName, String childIp, List<String> childEnv, Collection<String> exposedPorts) {
    String alias = linkName.substring(linkName.lastIndexOf('/') + 1).toUpperCase(Locale.ROOT).replace('-', '_');
    List<Port> ports = new ArrayList<>();
    for (String p : exposedPorts) {
      int slash = p.indexOf('/');
      String proto = slash < 0 ? "tcp" : p.substring(slash + 1).toLowerCase(Locale.ROOT);
      ports.add(new Port(Integer.parseInt(slash < 0 ? p : p.substring(0, slash)), proto));
    }
    ports.sort(Comparator.comparingInt((Port p) -> p.proto.equals("tcp") ? 0 : 1)
        .thenComparing(Port::proto).thenComparingInt(Port::num));
    List<String> env = new ArrayList<>();
    Port start = null;
    Port end = null;
    for (int i = 0; i < ports.size(); i++) {
      Port p = ports.get(i);
      if (i == 0) {
        start = p;
        end = p;
        env.add(alias + "_PORT=" + p.proto + "://" + childIp + ":" + p.num);
      }
      String prefix = alias + "_PORT_" + p.num + "_" + p.proto.toUpperCase(Locale.ROOT);
      env.add(prefix + "=" + p.proto + "://" + childIp + ":" + p.num);
      env.add(prefix + "_ADDR=" + childIp);
      env.add(prefix + "_PORT=" + p.num);
      env.add(prefix + "_PROTO=" + p.proto);
      if (p.num == end.num + 1 && p.proto.equals(end.proto)) {
        end = p;
        if (i < ports.size() - 1) {
          continue;
        }
      }
      if (!end.equals(start)) {
        prefix = alias + "_PORT_" + start.num + "_" + start.proto.toUpperCase(Locale.ROOT);
        env.add(prefix + "_START=" + start.proto + "://" + childIp + ":" + start.num);
        env.add(prefix + "_PORT_START=" + start.num);
        env.add(prefix + "_END=" + end.proto + "://" + childIp + ":" + end.num);
        env.add(prefix + "_PORT_END=" + end.num);
      }
      start = p;
      end = p;
    }
    env.add(alias + "_NAME=" + linkName);
    for (String v : childEnv == null ? List.<String>of() : childEnv) {
      int eq = v.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = v.substring(0, eq);
      if (!name.equals("HOME") && !name.equals("PATH")) {
        env.add(alias + "_ENV_" + name + "=" + v.substring(eq + 1));
      }
    }
    return env;
  }

  private static String slash(String name) {
    return name.startsWith("/") ? name : "/" + name;
  }
}
