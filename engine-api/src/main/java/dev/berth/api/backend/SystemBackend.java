package dev.berth.api.backend;

import dev.berth.api.model.system.DiskUsage;
import dev.berth.api.model.system.SystemInfo;
import dev.berth.api.model.system.SystemVersion;

/** What the system routes need: {@code /info}, {@code /version}, {@code /system/df}. */
public interface SystemBackend {
  SystemInfo info();

  SystemVersion version();

  DiskUsage diskUsage();
}
