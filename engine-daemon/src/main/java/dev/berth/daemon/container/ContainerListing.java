package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.filters.Filters;
import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.ContainerSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** {@code GET /containers/json}: dockerd's filters, {@code all}, {@code limit}, newest first. */
final class ContainerListing {
  static final Set<String> KEYS = Set.of("id", "name", "label", "status", "ancestor", "before", "since", "exited",
      "health", "network", "volume", "publish", "expose", "is-task");
  private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing", "paused",
      "exited", "dead");

  private final ContainerContext ctx;
  private final ContainerViews views;

  ContainerListing(ContainerContext ctx, ContainerViews views) {
    this.ctx = ctx;
    this.views = views;
  }

  List<ContainerSummary> list(boolean all, int limit, Filters f) {
    f.validate(KEYS);
    for (String s : f.values("status")) {
      if (!STATUSES.contains(s)) {
        throw new InvalidParameterException("invalid filter 'status=" + s + "'");
      }
    }
    for (String e : f.values("exited")) {
      try {
        Integer.parseInt(e);
      } catch (NumberFormatException ex) {
        throw new InvalidParameterException("invalid filter 'exited=" + e + "'");
      }
    }
    List<ContainerRecord> records = new ArrayList<>(ctx.store().records());
    records.sort(Comparator.comparing((ContainerRecord r) -> GoTime.parse(r.created())).reversed());
    Long before = bound(f, "before", r -> createdNanos(r));
    Long since = bound(f, "since", r -> createdNanos(r));
    boolean listAll = all || !f.values("status").isEmpty() || !f.values("exited").isEmpty() || limit > 0
        || before != null || since != null;
    List<ContainerSummary> out = new ArrayList<>();
    for (ContainerRecord r : records) {
      long key = createdNanos(r);
      if (!listAll && !r.state().status().isRunning()) {
        continue;
      }
      if ((before != null && key >= before) || (since != null && key <= since)) {
        continue;
      }
      if (!matches(r, f)) {
        continue;
      }
      out.add(views.summary(r));
      if (limit > 0 && out.size() >= limit) {
        break;
      }
    }
    return out;
  }

  private static long createdNanos(ContainerRecord r) {
    java.time.Instant t = GoTime.parse(r.created());
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private Long bound(Filters f, String key, Function<ContainerRecord, Long> order) {
    Set<String> v = f.values(key);
    if (v.isEmpty()) {
      return null;
    }
    return order.apply(ctx.store().get(v.iterator().next()).record());
  }

  private boolean matches(ContainerRecord r, Filters f) {
    if (!f.fuzzyMatch("id", r.id())) {
      return false;
    }
    if (f.contains("name") && f.values("name").stream().noneMatch(n -> nameMatches(r.plainName(), n))) {
      return false;
    }
    if (!f.matchLabels("label", r.config().labels())) {
      return false;
    }
    if (!f.exactMatch("status", r.state().status().wire())) {
      return false;
    }
    if (f.contains("exited")) {
      if (r.state().status() != ContainerStatus.EXITED
          || !f.values("exited").contains(Integer.toString(r.state().exitCode()))) {
        return false;
      }
    }
    if (f.contains("ancestor") && f.values("ancestor").stream().noneMatch(a -> ancestorMatches(r, a))) {
      return false;
    }
    if (f.contains("network")) { // moby: a network name the container has, or a prefix of its network ID
      var nets = ctx.network().settings(r).networks();
      if (nets == null || f.values("network").stream().noneMatch(v -> nets.containsKey(v) || nets.values()
          .stream().anyMatch(e -> e != null && e.networkId() != null && !e.networkId().isEmpty()
              && e.networkId().startsWith(v)))) {
        return false;
      }
    }
    if (f.contains("health") && !HealthChecks.matches(f.values("health"), views.health(r))) {
      return false;
    }
    if (f.contains("expose") || f.contains("publish")) {
      Set<String> want = f.contains("expose") ? f.values("expose") : f.values("publish");
      var ports = r.config().exposedPorts();
      var bindings = r.hostConfig().portBindings();
      boolean hit = want.stream().anyMatch(p -> {
        String key = p.contains("/") ? p : p + "/tcp";
        return f.contains("expose") ? ports != null && ports.containsKey(key)
            : bindings != null && bindings.values().stream().flatMap(l -> l == null ? null : l.stream())
                .anyMatch(b -> key.startsWith(b.hostPort() + "/"));
      });
      if (!hit) {
        return false;
      }
    }
    if (f.contains("volume") && f.values("volume").stream().noneMatch(v -> ctx.volumes().records(r.id()).stream()
        .anyMatch(m -> v.equals(m.name()) || v.equals(m.destination()) || v.equals(m.source())))) {
      return false;
    }
    if (f.contains("is-task") && f.booleanValue("is-task", false)) {
      return false;
    }
    return true;
  }

  private static boolean nameMatches(String name, String pattern) {
    try {
      return java.util.regex.Pattern.compile(pattern).matcher(name).find()
          || java.util.regex.Pattern.compile(pattern).matcher("/" + name).find();
    } catch (java.util.regex.PatternSyntaxException e) {
      return name.contains(pattern);
    }
  }

  private boolean ancestorMatches(ContainerRecord r, String ancestor) {
    if (ancestor.equals(r.config().image()) || r.image().equals(ancestor)
        || r.image().startsWith("sha256:" + ancestor)) {
      return true;
    }
    try {
      return ctx.images().resolve(ancestor).id().equals(r.image());
    } catch (RuntimeException e) {
      return false;
    }
  }
}
