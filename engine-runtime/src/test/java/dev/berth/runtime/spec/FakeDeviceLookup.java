package dev.berth.runtime.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An in-memory {@link DeviceLookup}: devices and directories are declared by the test; records lookups. */
public final class FakeDeviceLookup implements DeviceLookup {
  private final Map<String, LinuxDevice> devices = new LinkedHashMap<>();
  private final Set<String> directories = new TreeSet<>();
  private final Set<String> otherFiles = new TreeSet<>();
  private final Map<String, String> symlinks = new LinkedHashMap<>();
  public final List<String> lookups = new ArrayList<>();

  public FakeDeviceLookup charDevice(String path, long major, long minor) {
    devices.put(path, new LinuxDevice(path, "c", major, minor, 0666, 0, 0));
    return this;
  }

  public FakeDeviceLookup blockDevice(String path, long major, long minor) {
    devices.put(path, new LinuxDevice(path, "b", major, minor, 0660, 0, 6));
    return this;
  }

  public FakeDeviceLookup directory(String path) {
    directories.add(path);
    return this;
  }

  public FakeDeviceLookup regularFile(String path) {
    otherFiles.add(path);
    return this;
  }

  public FakeDeviceLookup symlink(String path, String target) {
    symlinks.put(path, target);
    return this;
  }

  @Override
  public Optional<LinuxDevice> device(String path) {
    lookups.add(path);
    return Optional.ofNullable(devices.get(path));
  }

  @Override
  public boolean exists(String path) {
    return devices.containsKey(path) || directories.contains(path) || otherFiles.contains(path)
        || symlinks.containsKey(path);
  }

  @Override
  public boolean isDirectory(String path) {
    return directories.contains(path);
  }

  @Override
  public List<LinuxDevice> devicesUnder(String dir) {
    return devices.values().stream().filter(d -> d.path().startsWith(dir + "/")).toList();
  }

  @Override
  public List<LinuxDevice> hostDevices() {
    return devices.values().stream()
        .filter(d -> d.path().startsWith("/dev/") && !d.path().startsWith("/dev/pts/") && !d.type().equals("p"))
        .toList();
  }

  @Override
  public String resolve(String path) {
    return symlinks.getOrDefault(path, path);
  }
}
