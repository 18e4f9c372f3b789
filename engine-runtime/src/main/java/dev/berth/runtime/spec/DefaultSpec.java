package dev.berth.runtime.spec;

import java.util.List;

/**
 * dockerd's defaults for a Linux container ({@code oci.DefaultLinuxSpec}): the kernel filesystems every
 * container gets, the /proc and /sys paths hidden or made read-only, and the device cgroup allow-list.
 */
public final class DefaultSpec {
  private DefaultSpec() {}

  public static final Mount PROC = new Mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev"));
  public static final Mount DEV = new Mount("/dev", "tmpfs", "tmpfs",
      List.of("nosuid", "strictatime", "mode=755", "size=65536k"));
  public static final Mount DEV_PTS = new Mount("/dev/pts", "devpts", "devpts",
      List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"));
  public static final Mount SYS = new Mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro"));
  public static final Mount CGROUP = new Mount("/sys/fs/cgroup", "cgroup", "cgroup",
      List.of("ro", "nosuid", "noexec", "nodev"));
  public static final Mount MQUEUE = new Mount("/dev/mqueue", "mqueue", "mqueue",
      List.of("nosuid", "noexec", "nodev"));
  /** Its {@code size=} option is added per container from {@code --shm-size}. */
  public static final Mount SHM = new Mount("/dev/shm", "tmpfs", "shm",
      List.of("nosuid", "noexec", "nodev", "mode=1777"));

  public static final List<Mount> MOUNTS = List.of(PROC, DEV, DEV_PTS, SYS, CGROUP, MQUEUE, SHM);

  /** Paths runc hides (bind /dev/null or an empty read-only tmpfs over them). */
  public static final List<String> MASKED_PATHS = List.of(
      "/proc/acpi", "/proc/asound", "/proc/interrupts", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
      "/proc/sched_debug", "/proc/scsi", "/proc/timer_list", "/proc/timer_stats",
      "/sys/devices/virtual/powercap", "/sys/firmware");

  public static final List<String> READONLY_PATHS = List.of(
      "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  /** Deny everything, then allow null, zero, full, random, urandom, tty, console, ptmx; deny /dev/net/tun. */
  public static final List<LinuxDeviceCgroup> DEVICE_CGROUP_RULES = List.of(
      new LinuxDeviceCgroup(false, null, null, null, "rwm"),
      LinuxDeviceCgroup.allowChar(1, 5),
      LinuxDeviceCgroup.allowChar(1, 3),
      LinuxDeviceCgroup.allowChar(1, 9),
      LinuxDeviceCgroup.allowChar(1, 8),
      LinuxDeviceCgroup.allowChar(5, 0),
      LinuxDeviceCgroup.allowChar(5, 1),
      new LinuxDeviceCgroup(false, "c", 10L, 229L, "rwm"));

  /** The {@code /dev/shm} size when {@code --shm-size} is not given: 64 MiB. */
  public static final long SHM_SIZE = 64L * 1024 * 1024;

  /** Where {@code --init} puts the init binary in the container. */
  public static final String INIT_PATH = "/sbin/docker-init";

  /** dockerd's default {@code PATH}. */
  public static final String PATH_ENV = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
}
