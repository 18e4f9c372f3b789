package dev.berth.runtime.user;

import java.util.List;

/**
 * What goes into the OCI {@code process.user}: like dockerd's {@code getUser}, {@code additionalGids} starts
 * with the primary gid, then the passwd user's supplementary groups, then {@code --group-add}.
 */
public record ResolvedUser(int uid, int gid, List<Integer> additionalGids) {
  public ResolvedUser {
    additionalGids = List.copyOf(additionalGids);
  }
}
