package dev.berth.storage.volume;

import dev.berth.api.errors.InvalidParameterException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Volume names as dockerd's local driver accepts them, and generated names for anonymous volumes. */
public final class VolumeNames {
  /** moby {@code names.RestrictedNameChars}. */
  public static final String RESTRICTED_CHARS = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
  private static final Pattern VALID = Pattern.compile(RESTRICTED_CHARS + "+");
  private static final SecureRandom RANDOM = new SecureRandom();

  private VolumeNames() {}

  /** A new random name: 64 lowercase hex digits, as dockerd generates for anonymous volumes. */
  public static String generate() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * Fails with dockerd's messages (wrapped as {@code create <name>: …}) for a name the local driver refuses. The
   * pattern also keeps names from escaping the volumes directory ({@code /}, {@code ..} cannot match).
   */
  public static void validate(String name) {
    if (name.length() == 1) {
      throw new InvalidParameterException("create " + name
          + ": volume name is too short, names should be at least two alphanumeric characters");
    }
    if (!VALID.matcher(name).matches()) {
      throw new InvalidParameterException("create " + name + ": \"" + name + "\" includes invalid characters for "
          + "a local volume name, only \"" + RESTRICTED_CHARS + "\" are allowed. If you intended to pass a host "
          + "directory, use absolute path");
    }
  }

  /** True when {@code name} is a valid local volume name (no exception). */
  public static boolean isValid(String name) {
    return name != null && name.length() > 1 && VALID.matcher(name).matches();
  }
}
