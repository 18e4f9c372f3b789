package dev.berth.storage.linux;

/** Splits a 64-bit {@code dev_t} as glibc's {@code major()} / {@code minor()} do. */
public final class DeviceNumbers {
  private DeviceNumbers() {}

  public static int major(long dev) {
    return (int) (((dev >>> 8) & 0xfffL) | ((dev >>> 32) & 0xfffff000L));
  }

  public static int minor(long dev) {
    return (int) ((dev & 0xffL) | ((dev >>> 12) & 0xffffff00L));
  }
}
