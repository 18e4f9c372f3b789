package dev.berth.runtime.user;

import java.util.List;

/** One {@code /etc/group} line: {@code name:password:gid:member,member}. */
public record GroupEntry(String name, int gid, List<String> members) {
  public GroupEntry {
    members = List.copyOf(members);
  }
}
