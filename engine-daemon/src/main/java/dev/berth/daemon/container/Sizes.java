package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import java.util.Locale;

/** Docker's human sizes ({@code 20m}, {@code 1g}, {@code 512k}, plain bytes), binary multiples as go-units. */
public final class Sizes {
  private Sizes() {}

  public static long parse(String s) {
    String v = s.trim().toLowerCase(Locale.ROOT);
    try {
      int i = 0;
      while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
        i++;
      }
      double n = Double.parseDouble(v.substring(0, i));
      String unit = v.substring(i).replace("ib", "").replace("b", "");
      long mul = switch (unit) {
        case "" -> 1;
        case "k" -> 1L << 10;
        case "m" -> 1L << 20;
        case "g" -> 1L << 30;
        case "t" -> 1L << 40;
        default -> throw new NumberFormatException(unit);
      };
      return (long) (n * mul);
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      throw new InvalidParameterException("invalid size: '" + s + "'");
    }
  }
}
