package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;

/** Docker's detach key sequences ({@code ctrl-p,ctrl-q}; moby {@code term.ToBytes}). */
final class DetachKeys {
  static final byte[] DEFAULT = {16, 17};

  private DetachKeys() {}

  static byte[] parse(String keys) {
    if (keys == null || keys.isEmpty()) {
      return DEFAULT;
    }
    String[] parts = keys.split(",");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String k = parts[i].trim().toLowerCase();
      if (k.length() == 1) {
        out[i] = (byte) k.charAt(0);
      } else if (k.startsWith("ctrl-") && k.length() == 6) {
        char ch = k.charAt(5);
        if (ch >= 'a' && ch <= 'z') {
          out[i] = (byte) (ch - 'a' + 1);
        } else if (ch == '@') {
          out[i] = 0;
        } else if (ch == '[') {
          out[i] = 27;
        } else if (ch == '\\') {
          out[i] = 28;
        } else if (ch == ']') {
          out[i] = 29;
        } else if (ch == '^') {
          out[i] = 30;
        } else if (ch == '_') {
          out[i] = 31;
        } else {
          throw new InvalidParameterException("Invalid detach keys (" + keys + ") provided");
        }
      } else {
        throw new InvalidParameterException("Invalid detach keys (" + keys + ") provided");
      }
    }
    return out;
  }
}
