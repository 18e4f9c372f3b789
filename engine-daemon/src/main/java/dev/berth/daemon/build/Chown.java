package dev.berth.daemon.build;

import dev.berth.api.errors.InvalidParameterException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code --chown=user[:group]} (moby {@code parseChownFlag}): numeric IDs as given, names looked up in the
 * image's {@code /etc/passwd} and {@code /etc/group}; without a group the user's name or ID is used as the group.
 */
final class Chown {
  private Chown() {}

  static LayerTarBuilder.Owner parse(String spec, ImageTree image) throws IOException {
    String[] parts = spec.split(":", 2);
    String user = parts[0];
    String group = parts.length == 2 ? parts[1] : parts[0];
    int uid = id(user, image.lookup("/etc/passwd"), "user");
    int gid = id(group, image.lookup("/etc/group"), "group");
    return new LayerTarBuilder.Owner(uid, gid);
  }

  private static int id(String name, Optional<Path> file, String kind) throws IOException {
    if (name.matches("[0-9]+")) {
      return Integer.parseInt(name);
    }
    if (file.isPresent() && Files.isRegularFile(file.get(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      for (String line : Files.readAllLines(file.get(), StandardCharsets.UTF_8)) {
        String[] f = line.split(":");
        if (f.length >= 3 && f[0].equals(name) && f[2].matches("[0-9]+")) {
          return Integer.parseInt(f[2]);
        }
      }
    }
    throw new InvalidParameterException("unable to convert uid/gid chown string to host mapping: can't find "
        + ("user".equals(kind) ? "uid for user " : "gid for group ") + name + ": no such "
        + ("user".equals(kind) ? "user" : "group") + ": " + name);
  }
}
