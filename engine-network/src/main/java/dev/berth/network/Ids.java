package dev.berth.network;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random identifiers: 64-hex network and endpoint IDs, short hex suffixes for interface names. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String hex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** A 64-hex ID that does not look like a number (moby avoids all-digit short IDs for the CLI's sake). */
  static String id() {
    while (true) {
      String id = hex(32);
      if (!id.substring(0, 12).chars().allMatch(Character::isDigit)) {
        return id;
      }
    }
  }
}
