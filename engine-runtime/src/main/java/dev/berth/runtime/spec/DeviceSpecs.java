package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** dockerd's {@code WithDevices}: device nodes to create and the device cgroup allow-list. */
public final class DeviceSpecs {
  private static final Pattern RULE = Pattern.compile("^([acb]) ([0-9]+|\\*):([0-9]+|\\*) ([rwm]{1,3})$");

  /** Nodes to create and the cgroup rules that go with them. */
  public record Result(List<LinuxDevice> devices, List<LinuxDeviceCgroup> permissions) {}

  private final DeviceLookup lookup;

  public DeviceSpecs(DeviceLookup lookup) {
    this.lookup = lookup;
  }

  public Result build(boolean privileged, List<DeviceMapping> mappings, List<String> cgroupRules) {
    List<LinuxDevice> devs = new ArrayList<>();
    List<LinuxDeviceCgroup> perms = new ArrayList<>();
    if (privileged) {
      devs.addAll(lookup.hostDevices());
      for (DeviceMapping m : mappings) {
        if (!m.pathOnHost().equals(m.pathInContainer())) {
          devs.addAll(fromPath(m.pathOnHost(), m.pathInContainer(), "rwm").devices());
        }
      }
      perms.add(new LinuxDeviceCgroup(true, null, null, null, "rwm"));
      return new Result(devs, perms);
    }
    perms.addAll(DefaultSpec.DEVICE_CGROUP_RULES);
    for (DeviceMapping m : mappings) {
      Result r = fromPath(m.pathOnHost(), m.pathInContainer(), m.cgroupPermissions());
      devs.addAll(r.devices());
      perms.addAll(r.permissions());
    }
    perms.addAll(parseRules(cgroupRules));
    return new Result(devs, perms);
  }

  /** oci.DevicesFromPath: one device, or every device below a directory, renamed under the container path. */
  Result fromPath(String pathOnHost, String pathInContainer, String permissions) {
    String resolved = lookup.resolve(pathOnHost);
    var single = lookup.device(resolved);
    if (single.isPresent()) {
      LinuxDevice d = single.get().withPath(pathInContainer);
      return new Result(List.of(d), List.of(rule(d, permissions)));
    }
    List<LinuxDevice> devs = new ArrayList<>();
    List<LinuxDeviceCgroup> perms = new ArrayList<>();
    if (lookup.isDirectory(resolved)) {
      for (LinuxDevice d : lookup.devicesUnder(resolved)) {
        LinuxDevice renamed = d.withPath(d.path().replaceFirst(Pattern.quote(resolved), Matcher.quoteReplacement(
            pathInContainer)));
        devs.add(renamed);
        perms.add(rule(renamed, permissions));
      }
    }
    if (devs.isEmpty()) {
      String cause = lookup.exists(resolved) ? "not a device node" : "no such file or directory";
      throw new SystemException("error gathering device information while adding custom device \"" + pathOnHost
          + "\": " + cause);
    }
    return new Result(devs, perms);
  }

  /** {@code --device-cgroup-rule 'c 13:* rwm'}; {@code *} becomes -1. */
  public static List<LinuxDeviceCgroup> parseRules(List<String> rules) {
    List<LinuxDeviceCgroup> out = new ArrayList<>();
    for (String rule : rules) {
      Matcher m = RULE.matcher(rule);
      if (!m.matches()) {
        throw new InvalidParameterException("invalid device cgroup rule format: '" + rule + "'");
      }
      out.add(new LinuxDeviceCgroup(true, m.group(1), number(m.group(2), "major", rule),
          number(m.group(3), "minor", rule), m.group(4)));
    }
    return out;
  }

  private static long number(String s, String what, String rule) {
    try {
      return s.equals("*") ? -1 : Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("invalid " + what + " value in device cgroup rule format: '" + rule + "'");
    }
  }

  private static LinuxDeviceCgroup rule(LinuxDevice d, String permissions) {
    return new LinuxDeviceCgroup(true, d.type(), d.major(), d.minor(), permissions);
  }
}
