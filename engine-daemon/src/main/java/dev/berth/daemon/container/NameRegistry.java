package dev.berth.daemon.container;

import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.InvalidParameterException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Container names (stored with the leading {@code /}, as dockerd shows them in inspect): reservation with
 * dockerd's conflict message, and generated {@code adjective_surname} names for unnamed containers.
 */
public final class NameRegistry {
  private static final Pattern VALID = Pattern.compile("/?[a-zA-Z0-9][a-zA-Z0-9_.-]+");
  private static final String[] LEFT = {"admiring", "agitated", "amazing", "angry", "awesome", "blissful",
      "bold", "brave", "busy", "charming", "clever", "cool", "dazzling", "determined", "eager", "ecstatic",
      "elastic", "elegant", "epic", "fervent", "focused", "friendly", "gallant", "gifted", "happy", "hopeful",
      "jolly", "keen", "kind", "laughing", "loving", "lucid", "magical", "modest", "nice", "nifty", "nostalgic",
      "peaceful", "pensive", "practical", "quirky", "relaxed", "serene", "sharp", "stoic", "sweet", "tender",
      "trusting", "upbeat", "vibrant", "vigilant", "wizardly", "youthful", "zealous", "zen"};
  private static final String[] RIGHT = {"albattani", "babbage", "bell", "bohr", "booth", "carson", "curie",
      "darwin", "dijkstra", "einstein", "euclid", "fermat", "feynman", "galileo", "goldberg", "goodall",
      "hamilton", "hawking", "hopper", "hypatia", "jennings", "kepler", "knuth", "lamarr", "lovelace",
      "mayer", "mcclintock", "meitner", "morse", "newton", "noether", "pascal", "pike", "ritchie", "shannon",
      "shockley", "sinoussi", "swartz", "tesla", "thompson", "torvalds", "turing", "volhard", "wilson",
      "wozniak", "wright", "yalow", "zhukovsky"};

  private final Map<String, String> byName = new ConcurrentHashMap<>();

  /** Normalises a user-given name to {@code /name}, validating it as dockerd does. */
  public static String normalize(String name) {
    if (!VALID.matcher(name).matches()) {
      throw new InvalidParameterException("Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] "
          + "are allowed");
    }
    return name.startsWith("/") ? name : "/" + name;
  }

  /** Reserves {@code name} (normalised) for {@code id}; a name held by another container is a 409. */
  public void reserve(String name, String id) {
    String prev = byName.putIfAbsent(name, id);
    if (prev != null && !prev.equals(id)) {
      throw new ConflictException("Conflict. The container name \"" + name + "\" is already in use by container \""
          + prev + "\". You have to remove (or rename) that container to be able to reuse that name.");
    }
  }

  /** Picks an unused generated name and reserves it. */
  public String generate(String id) {
    for (int i = 0; ; i++) {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      String n = "/" + LEFT[r.nextInt(LEFT.length)] + "_" + RIGHT[r.nextInt(RIGHT.length)]
          + (i > 5 ? Integer.toString(r.nextInt(10)) : "");
      if (byName.putIfAbsent(n, id) == null) {
        return n;
      }
    }
  }

  public void release(String name, String id) {
    byName.remove(name, id);
  }

  public Optional<String> lookup(String name) {
    return Optional.ofNullable(byName.get(name.startsWith("/") ? name : "/" + name));
  }
}
