package dev.berth.runtime.cgroup;

import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tolerant readers for cgroup pseudo-files: a missing or unreadable file reads as empty. */
final class CgroupFiles {
  private CgroupFiles() {}

  static List<String> lines(Path file) {
    try {
      return KernelFiles.lines(file);
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A single number; {@code max} (unlimited) reads as {@code unlimited}, missing as 0. */
  static long number(Path file, long unlimited) {
    List<String> lines = lines(file);
    if (lines.isEmpty()) {
      return 0;
    }
    return parse(lines.get(0).strip(), unlimited);
  }

  static long number(Path file) {
    return number(file, 0);
  }

  static long parse(String s, long unlimited) {
    if (s.equals("max")) {
      return unlimited;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      // an unsigned 64-bit value beyond the signed range means "unlimited"; anything else is unreadable
      return !s.isEmpty() && s.chars().allMatch(Character::isDigit) ? Long.MAX_VALUE : 0;
    }
  }

  /** {@code key value} lines ({@code memory.stat}, {@code cpu.stat}, {@code cpuacct.stat}). */
  static Map<String, Long> keyValues(Path file) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String line : lines(file)) {
      String[] kv = line.strip().split("\\s+");
      if (kv.length == 2) {
        out.put(kv[0], parse(kv[1], Long.MAX_VALUE));
      }
    }
    return out;
  }

  /** Whitespace-separated numbers on one line ({@code cpuacct.usage_percpu}). */
  static List<Long> numbers(Path file) {
    List<Long> out = new ArrayList<>();
    for (String line : lines(file)) {
      for (String tok : line.strip().split("\\s+")) {
        if (!tok.isEmpty()) {
          out.add(parse(tok, 0));
        }
      }
    }
    return out;
  }
}
