package dev.berth.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceSpecsTest {
  private final FakeDeviceLookup host = new FakeDeviceLookup()
      .charDevice("/dev/null", 1, 3)
      .charDevice("/dev/fuse", 10, 229)
      .blockDevice("/dev/sda", 8, 0)
      .directory("/dev/snd")
      .charDevice("/dev/snd/controlC0", 116, 0)
      .charDevice("/dev/snd/timer", 116, 33)
      .symlink("/dev/audio", "/dev/snd")
      .regularFile("/dev/not-a-device");
  private final DeviceSpecs specs = new DeviceSpecs(host);

  @Test
  void defaults_areDockerdsAllowList() {
    DeviceSpecs.Result r = specs.build(false, List.of(), List.of());
    assertEquals(List.of(), r.devices());
    assertEquals(DefaultSpec.DEVICE_CGROUP_RULES, r.permissions());
    assertEquals(new LinuxDeviceCgroup(false, null, null, null, "rwm"), r.permissions().get(0));
  }

  @Test
  void deviceMapping_renamesAndAllows() {
    DeviceSpecs.Result r = specs.build(false, List.of(new DeviceMapping("/dev/sda", "/dev/xvda", "r")), List.of());
    assertEquals(List.of(new LinuxDevice("/dev/xvda", "b", 8, 0, 0660, 0, 6)), r.devices());
    assertEquals(new LinuxDeviceCgroup(true, "b", 8L, 0L, "r"), r.permissions().get(r.permissions().size() - 1));
  }

  @Test
  void directoryMapping_takesEveryDeviceBelowIt_throughSymlinks() {
    DeviceSpecs.Result r = specs.build(false, List.of(new DeviceMapping("/dev/audio", "/dev/sound", null)),
        List.of());
    assertEquals(List.of("/dev/sound/controlC0", "/dev/sound/timer"),
        r.devices().stream().map(LinuxDevice::path).toList());
    assertEquals(DefaultSpec.DEVICE_CGROUP_RULES.size() + 2, r.permissions().size());
  }

  @Test
  void missingOrNonDevice_isSystemError() {
    var e = assertThrows(SystemException.class,
        () -> specs.build(false, List.of(new DeviceMapping("/dev/nope", null, null)), List.of()));
    assertEquals("error gathering device information while adding custom device \"/dev/nope\": "
        + "no such file or directory", e.getMessage());
    e = assertThrows(SystemException.class,
        () -> specs.build(false, List.of(new DeviceMapping("/dev/not-a-device", null, null)), List.of()));
    assertTrue(e.getMessage().endsWith("not a device node"));
  }

  @Test
  void cgroupRules_parseWildcards() {
    assertEquals(List.of(new LinuxDeviceCgroup(true, "c", 13L, -1L, "rwm"),
            new LinuxDeviceCgroup(true, "a", -1L, -1L, "r")),
        DeviceSpecs.parseRules(List.of("c 13:* rwm", "a *:* r")));
    var e = assertThrows(InvalidParameterException.class, () -> DeviceSpecs.parseRules(List.of("c 13 rwm")));
    assertEquals("invalid device cgroup rule format: 'c 13 rwm'", e.getMessage());
  }

  @Test
  void privileged_getsHostDevicesAndAllowAll() {
    DeviceSpecs.Result r = specs.build(true, List.of(new DeviceMapping("/dev/fuse", "/dev/fuse", "r"),
        new DeviceMapping("/dev/sda", "/dev/disk0", "r")), List.of("c 1:1 r"));
    assertTrue(r.devices().stream().anyMatch(d -> d.path().equals("/dev/sda")));
    assertTrue(r.devices().stream().anyMatch(d -> d.path().equals("/dev/disk0")));
    assertEquals(1, r.devices().stream().filter(d -> d.path().equals("/dev/fuse")).count());
    assertEquals(List.of(new LinuxDeviceCgroup(true, null, null, null, "rwm")), r.permissions());
  }

  @Test
  void hostDeviceLookup_readsRealNodes() {
    LinuxDevice devNull = new HostDeviceLookup().device("/dev/null").orElseThrow();
    assertEquals(new LinuxDevice("/dev/null", "c", 1, 3, 0666, 0, 0), devNull);
    assertTrue(new HostDeviceLookup().device("/etc/hostname").isEmpty());
    assertEquals(8, HostDeviceLookup.major(0x801L));
    assertEquals(1, HostDeviceLookup.minor(0x801L));
    assertEquals(259, HostDeviceLookup.major(0x10301L));
    assertEquals(1, HostDeviceLookup.minor(0x10301L));
    assertEquals(8, HostDeviceLookup.major(0x10082cL));
    assertEquals(300, HostDeviceLookup.minor(0x10082cL));
  }
}
