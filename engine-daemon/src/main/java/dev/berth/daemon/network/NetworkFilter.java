package dev.berth.daemon.network;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.filters.Filters;
import dev.berth.network.Network;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code GET /networks} and {@code POST /networks/prune} filters with moby's semantics
 * ({@code daemon/network/filter.go}): {@code name} and {@code id} are unanchored regular expressions (or exact
 * values), {@code driver} and {@code scope} exact, {@code label}/{@code label!} key or key=value, {@code type}
 * builtin/custom, {@code dangling} unused user networks, {@code until} creation time.
 */
final class NetworkFilter {
  static final Set<String> LIST_KEYS = Set.of("dangling", "driver", "id", "label", "name", "scope", "type");
  static final Set<String> PRUNE_KEYS = Set.of("label", "label!", "until");

  private final Filters args;
  private final Boolean dangling; // null: not filtered by use
  private final Instant until;

  private NetworkFilter(Filters args, Boolean dangling, Instant until) {
    this.args = args;
    this.dangling = dangling;
    this.until = until;
  }

  static NetworkFilter forList(Filters f) {
    f.validate(LIST_KEYS);
    for (String t : f.values("type")) {
      if (!t.equals("builtin") && !t.equals("custom")) {
        throw new SystemException("invalid filter: 'type'='" + t + "'"); // moby returns it unclassified (500)
      }
    }
    return new NetworkFilter(f, dangling(f), null);
  }

  /** Prune removes only unused user networks; this filter narrows them further. */
  static NetworkFilter forPrune(Filters f) {
    f.validate(PRUNE_KEYS);
    return new NetworkFilter(f, true, until(f));
  }

  boolean matches(Network n, boolean inUse) {
    return args.exactMatch("driver", n.driver())
        && match("name", n.name())
        && match("id", n.id())
        && args.matchLabels("label", n.labels())
        && (!args.contains("label!") || !args.matchLabels("label!", n.labels()))
        && args.exactMatch("scope", NetworkViews.LOCAL)
        && (dangling == null || (dangling ? !n.isPredefined() && !inUse : n.isPredefined() || inUse))
        && matchesType(n)
        && (until == null || !createdAfter(n, until));
  }

  private boolean matchesType(Network n) {
    Set<String> types = args.values("type");
    return types.isEmpty() || types.contains(n.isPredefined() ? "builtin" : "custom");
  }

  /** moby {@code Args.Match}: an exact value, or a regular expression found anywhere in {@code source}. */
  private boolean match(String key, String source) {
    Set<String> values = args.values(key);
    if (!args.contains(key) || values.isEmpty() || values.contains(source)) {
      return true;
    }
    for (String v : values) {
      try {
        if (Pattern.compile(v).matcher(source).find()) {
          return true;
        }
      } catch (PatternSyntaxException e) {
        // moby skips values that are not valid expressions
      }
    }
    return false;
  }

  private static boolean createdAfter(Network n, Instant until) {
    try {
      return Instant.parse(n.created()).isAfter(until);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static Boolean dangling(Filters f) {
    Set<String> values = f.values("dangling");
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new InvalidParameterException("got more than one value for filter key \"dangling\"");
    }
    return switch (values.iterator().next()) {
      case "1", "true" -> true;
      case "0", "false" -> false;
      default -> throw new InvalidParameterException(
          "invalid value for filter 'dangling', must be \"true\" (or \"1\"), or \"false\" (or \"0\")");
    };
  }

  /** {@code until} as the HTTP layer passes it: unix time, {@code seconds[.fraction]}. */
  private static Instant until(Filters f) {
    Set<String> values = f.values("until");
    if (values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw new InvalidParameterException("more than one until filter specified");
    }
    String v = values.iterator().next();
    try {
      BigDecimal secs = new BigDecimal(v);
      long whole = secs.longValue();
      return Instant.ofEpochSecond(whole, secs.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
    } catch (NumberFormatException | ArithmeticException e) {
      throw new InvalidParameterException("failed to parse value as time or duration: \"" + v + "\"");
    }
  }
}
