package dev.berth.storage.tar;

import dev.berth.api.errors.InvalidParameterException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Normalises tar entry names the way dockerd does ({@code filepath.Clean}), refusing ones that escape. */
public final class EntryNames {
  private EntryNames() {}

  /**
   * Splits a name into clean components: leading slashes are dropped (absolute names are taken relative to the
   * root), {@code .} and empty components vanish, {@code ..} pops. An empty list is the root itself. A {@code ..}
   * that would climb above the root is refused with an {@link InvalidParameterException} naming the entry.
   */
  public static List<String> clean(String name) {
    Deque<String> out = new ArrayDeque<>();
    for (String c : name.split("/")) {
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        if (out.isEmpty()) {
          throw new InvalidParameterException("invalid tar entry \"" + name + "\": path escapes the layer root");
        }
        out.removeLast();
      } else {
        out.addLast(c);
      }
    }
    return List.copyOf(out);
  }
}
