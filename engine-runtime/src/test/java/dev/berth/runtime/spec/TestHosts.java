package dev.berth.runtime.spec;

import dev.berth.runtime.mount.MountTable;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fixed host facts for unit tests: our VM's shape (x86-64, kernel 6.18, cgroup v1 hybrid, no CAP_SYS_RESOURCE). */
final class TestHosts {
  /** CapBnd of root on our VMs: everything but CAP_SYS_RESOURCE (bit 24). */
  static final CapabilitySet VM_BOUNDING = CapabilitySet.fromHex("000001fffeffffff");
  static final HostLimits VM_LIMITS = new HostLimits(Map.of(
      "nofile", new HostLimits.Limit(20000, 20000),
      "nproc", new HostLimits.Limit(96365, 96365),
      "core", new HostLimits.Limit(0, -1)));

  /** A systemd host's shared root: any bind propagation passes moby's source checks. */
  static final MountTable MOUNTS = MountTable.parse("27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw\n");

  private TestHosts() {}

  static HostProfile vm() {
    return vm(new FakeDeviceLookup(), CgroupMode.HYBRID);
  }

  static HostProfile vm(DeviceLookup devices, CgroupMode mode) {
    Set<String> sysctls = Set.of("net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start");
    return new HostProfile(VM_BOUNDING, VM_LIMITS, new KernelVersion(6, 18), "amd64", mode, devices,
        sysctls::contains, List.of(), 2, "0-1", () -> MOUNTS,
        BlkioSupport.ALL);
  }

  static SpecDefaults defaults() {
    return new SpecDefaults("/berth", java.nio.file.Path.of("/usr/bin/tini-static"), false, null, false,
        DefaultSpec.SHM_SIZE, List.of(), null);
  }
}
