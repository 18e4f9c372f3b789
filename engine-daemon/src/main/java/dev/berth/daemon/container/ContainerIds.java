package dev.berth.daemon.container;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Container and exec IDs: 64 random hex digits (moby {@code stringid}), shown truncated to 12. */
public final class ContainerIds {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FULL = Pattern.compile("[a-f0-9]{64}");

  private ContainerIds() {}

  public static String generate() {
    while (true) {
      byte[] b = new byte[32];
      RANDOM.nextBytes(b);
      String id = HexFormat.of().formatHex(b);
      // moby avoids all-numeric short IDs: they would parse as numbers in some tools.
      if (!id.substring(0, 12).matches("\\d+")) {
        return id;
      }
    }
  }

  public static String shortId(String id) {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }

  public static boolean isFullId(String s) {
    return FULL.matcher(s).matches();
  }
}
