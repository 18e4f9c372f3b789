package dev.berth.runtime.user;

import dev.berth.api.errors.InvalidParameterException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves {@code -u user[:group]} and {@code --group-add} against the container's {@code /etc/passwd} and
 * {@code /etc/group} with runc's {@code GetExecUser} rules: numeric ids are taken as ids even when no entry
 * exists; names must exist; an implicit group brings the user's supplementary groups.
 */
public final class UserResolver {
  private static final long MAX_ID = Integer.MAX_VALUE;

  private UserResolver() {}

  /** Reads the rootfs's files and resolves {@code userSpec} plus {@code groupAdd} for the OCI spec. */
  public static ResolvedUser resolve(Path rootfs, String userSpec, List<String> groupAdd) {
    Optional<List<GroupEntry>> group = EtcFiles.group(rootfs);
    ExecUser u = resolve(userSpec, EtcFiles.passwd(rootfs), group);
    Set<Integer> gids = new LinkedHashSet<>();
    gids.add(u.gid());
    gids.addAll(u.sgids());
    if (!groupAdd.isEmpty()) {
      gids.addAll(additionalGroups(groupAdd, group));
    }
    return new ResolvedUser(u.uid(), u.gid(), new ArrayList<>(gids));
  }

  /** {@code GetExecUser}; absent files behave like files without matching entries. */
  public static ExecUser resolve(
      String userSpec, Optional<List<PasswdEntry>> passwd, Optional<List<GroupEntry>> group) {
    String[] parts = (userSpec == null ? "" : userSpec).split(":", -1);
    String userArg = parts[0];
    String groupArg = parts.length > 1 ? parts[1] : "";
    Long uidArg = numeric(userArg);
    Long gidArg = numeric(groupArg);

    int uid = 0;
    int gid = 0;
    String home = "/";
    String matchedName = "";
    Optional<PasswdEntry> match = passwd.orElse(List.of()).stream()
        .filter(p -> userArg.isEmpty() ? p.uid() == 0 : uidArg != null ? p.uid() == uidArg : p.name().equals(userArg))
        .findFirst();
    if (match.isPresent()) {
      matchedName = match.get().name();
      uid = match.get().uid();
      gid = match.get().gid();
      home = match.get().home().isEmpty() ? "/" : match.get().home();
    } else if (!userArg.isEmpty()) {
      if (uidArg == null) {
        throw new UserLookupException("unable to find user " + userArg + ": no matching entries in passwd file");
      }
      uid = uidArg.intValue();
    }

    List<Integer> sgids = new ArrayList<>();
    if (!groupArg.isEmpty()) {
      Optional<GroupEntry> g = group.orElse(List.of()).stream()
          .filter(e -> gidArg != null ? e.gid() == gidArg : e.name().equals(groupArg))
          .findFirst();
      if (g.isPresent()) {
        gid = g.get().gid();
      } else if (gidArg == null) {
        throw new UserLookupException("unable to find group " + groupArg + ": no matching entries in group file");
      } else {
        gid = gidArg.intValue();
      }
    } else if (!matchedName.isEmpty()) {
      String name = matchedName;
      group.orElse(List.of()).stream().filter(e -> e.members().contains(name)).forEach(e -> sgids.add(e.gid()));
    }
    return new ExecUser(uid, gid, sgids, home);
  }

  /** {@code GetAdditionalGroups}: names must exist, numeric gids may be absent from the file. */
  public static List<Integer> additionalGroups(List<String> groupAdd, Optional<List<GroupEntry>> group) {
    List<Integer> out = new ArrayList<>();
    for (String ag : groupAdd) {
      Long gid = numeric(ag);
      Optional<GroupEntry> g = group.orElse(List.of()).stream()
          .filter(e -> gid != null ? e.gid() == gid : e.name().equals(ag))
          .findFirst();
      if (g.isPresent()) {
        out.add(g.get().gid());
      } else if (gid == null) {
        throw new UserLookupException("unable to find group " + ag + ": no matching entries in group file");
      } else {
        out.add(gid.intValue());
      }
    }
    return out;
  }

  /** runc's {@code parseNumeric}: null for names, the id for numbers in range, an error for other numbers. */
  static Long numeric(String s) {
    if (s.isEmpty() || !s.matches("[+-]?\\d+")) {
      return null;
    }
    long v;
    try {
      v = Long.parseLong(s);
    } catch (NumberFormatException e) {
      v = -1;
    }
    if (v < 0 || v > MAX_ID) {
      throw new InvalidParameterException("uids and gids must be in range 0-" + MAX_ID);
    }
    return v;
  }
}
