package dev.berth.daemon.container;

import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.ContainerInspectResponse;
import dev.berth.api.model.container.ContainerState;
import dev.berth.api.model.container.ContainerSummary;
import dev.berth.api.model.container.NetworkSettings;
import dev.berth.api.model.container.PortBinding;
import dev.berth.api.model.storage.DriverData;
import dev.berth.api.types.MountSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps container records to the wire shapes of {@code inspect} and {@code ps}. Reads records only, no locks. */
final class ContainerViews {
  private final ContainerContext ctx;

  /** {@code State.Health} of a container (null without a health check); see {@link HealthChecks}. */
  private volatile java.util.function.Function<ContainerRecord, dev.berth.api.model.container.Health> health =
      r -> null;

  ContainerViews(ContainerContext ctx) {
    this.ctx = ctx;
  }

  void setHealth(java.util.function.Function<ContainerRecord, dev.berth.api.model.container.Health> health) {
    this.health = health;
  }

  dev.berth.api.model.container.Health health(ContainerRecord r) {
    return health.apply(r);
  }

  ContainerInspectResponse inspect(ContainerRecord r, List<String> execIds) {
    var dir = ctx.store().dir(r.id());
    ContainerRecord.State s = r.state();
    ContainerStatus st = s.status();
    ContainerState state = new ContainerState(st.wire(), st.isRunning(), st == ContainerStatus.PAUSED,
        st == ContainerStatus.RESTARTING, s.oomKilled(), st == ContainerStatus.DEAD, s.pid(), s.exitCode(),
        s.error() == null ? "" : s.error(), s.startedAt(), s.finishedAt(), health(r));
    return new ContainerInspectResponse(r.id(), r.created(), r.path(), r.args(), state, r.image(),
        dir.resolve("resolv.conf").toString(), dir.resolve("hostname").toString(), dir.resolve("hosts").toString(),
        dir.resolve(r.id() + "-json.log").toString(), r.name(), r.restartCount(), "overlay2", "linux", "", "", "",
        execIds, inspectHostConfig(r), graphDriver(r), null, null, mounts(r), r.config(), ctx.network().settings(r), null);
  }

  private dev.berth.api.model.container.HostConfig inspectHostConfig(ContainerRecord r) {
    var b = r.hostConfig().toBuilder();
    b.links = LegacyLinks.forInspect(r.hostConfig(), r.name(), ref -> {
      try {
        return java.util.Optional.of(ctx.store().get(ref).record().name());
      } catch (dev.berth.api.errors.NotFoundException gone) {
        return java.util.Optional.empty();
      }
    });
    return b.build();
  }

  private DriverData graphDriver(ContainerRecord r) {
    Map<String, String> data = new LinkedHashMap<>();
    for (MountSpec m : r.rootfs() == null ? List.<MountSpec>of() : r.rootfs()) {
      for (String o : m.options()) {
        int eq = o.indexOf('=');
        if (eq > 0) {
          switch (o.substring(0, eq)) {
            case "lowerdir" -> data.put("LowerDir", o.substring(eq + 1));
            case "upperdir" -> data.put("UpperDir", o.substring(eq + 1));
            case "workdir" -> data.put("WorkDir", o.substring(eq + 1));
            default -> { }
          }
        }
      }
    }
    if (!data.isEmpty()) {
      data.put("MergedDir", ctx.runtime().rootfs(r.id()).toString());
    }
    return DriverData.of("overlay2", data);
  }

  ContainerSummary summary(ContainerRecord r) {
    NetworkSettings ns = ctx.network().settings(r);
    List<ContainerSummary.Port> ports = new ArrayList<>();
    if (ns.ports() != null) {
      ns.ports().forEach((port, bindings) -> {
        String[] pp = port.split("/");
        int priv = Integer.parseInt(pp[0]);
        String proto = pp.length > 1 ? pp[1] : "tcp";
        if (bindings == null || bindings.isEmpty()) {
          ports.add(new ContainerSummary.Port(null, priv, 0, proto));
        } else {
          for (PortBinding b : bindings) {
            ports.add(new ContainerSummary.Port(b.hostIp(), priv, Integer.parseInt(b.hostPort()), proto));
          }
        }
      });
    } else if (r.config().exposedPorts() != null) {
      for (String p : r.config().exposedPorts().keySet()) {
        String[] pp = p.split("/");
        ports.add(new ContainerSummary.Port(null, Integer.parseInt(pp[0]), 0, pp.length > 1 ? pp[1] : "tcp"));
      }
    }
    return new ContainerSummary(r.id(), List.of(r.name()), r.config().image(), r.image(), null,
        command(r.path(), r.args()), GoTime.parse(r.created()).getEpochSecond(), ports, 0, 0,
        r.config().labels() == null ? Map.of() : r.config().labels(), r.state().status().wire(),
        HealthChecks.statusLine(status(r), r, health(r)),
        new ContainerSummary.HostConfigSummary(ContainerNetworking.mode(r.hostConfig()), null),
        new ContainerSummary.NetworkSettingsSummary(ns.networks()), mounts(r));
  }

  /** moby's summary {@code Command}: the path and its arguments, those with a space in single quotes. */
  static String command(String path, List<String> args) {
    StringBuilder b = new StringBuilder(path);
    for (String a : args) {
      b.append(' ').append(a.contains(" ") ? "'" + a + "'" : a);
    }
    return b.toString();
  }

  /** inspect's and ps's {@code Mounts}: the container's mount points in destination order. */
  List<dev.berth.api.model.container.MountPoint> mounts(ContainerRecord r) {
    return ctx.volumes().records(r.id()).stream().map(MountRecord::view).toList();
  }

  /** moby's {@code State.String()}: "Up 3 seconds", "Exited (3) 2 minutes ago", "Created" … */
  static String status(ContainerRecord r) {
    ContainerRecord.State s = r.state();
    Instant now = Instant.now();
    return switch (s.status()) {
      case RUNNING -> "Up " + human(Duration.between(GoTime.parse(s.startedAt()), now));
      case PAUSED -> "Up " + human(Duration.between(GoTime.parse(s.startedAt()), now)) + " (Paused)";
      case RESTARTING -> "Restarting (" + s.exitCode() + ") "
          + human(Duration.between(GoTime.parse(s.finishedAt()), now)) + " ago";
      case REMOVING -> "Removal In Progress";
      case DEAD -> "Dead";
      case CREATED -> "Created";
      case EXITED -> GoTime.isZero(s.finishedAt()) ? (GoTime.isZero(s.startedAt()) ? "Created" : "")
          : "Exited (" + s.exitCode() + ") " + human(Duration.between(GoTime.parse(s.finishedAt()), now)) + " ago";
    };
  }

  /** go-units {@code HumanDuration}. */
  static String human(Duration d) {
    long seconds = d.toSeconds();
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = d.toMinutes();
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    long hours = Math.round(d.toMillis() / 3_600_000.0);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return d.toHours() / 24 / 365 + " years";
  }
}
