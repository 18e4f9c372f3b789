package dev.berth.runtime.user;

import java.util.List;

/**
 * The identity a container process runs as (runc's {@code ExecUser}).
 *
 * @param sgids supplementary groups from {@code /etc/group} membership (only when the group was implicit)
 * @param home the passwd home directory, {@code /} when unknown
 */
public record ExecUser(int uid, int gid, List<Integer> sgids, String home) {
  public ExecUser {
    sgids = List.copyOf(sgids);
  }

  public static final ExecUser ROOT = new ExecUser(0, 0, List.of(), "/");
}
