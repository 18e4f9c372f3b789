package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.NotFoundException;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.HostConfig;
import dev.berth.runtime.oci.Signals;
import dev.berth.runtime.spec.Capabilities;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * dockerd's create-time checks ({@code verifyContainerSettings}, the lookups of {@code adaptContainerSettings},
 * {@code registerMountPoints} and {@code registerLinks}): each fails {@code docker create} with 400 and dockerd's
 * message before anything is made. A missing container named by the config is a 400 too, never a 404: the CLI
 * would read a 404 as a missing image and try to pull it (moby#39823).
 */
final class CreateChecks {
  /** dockerd's built-in log drivers; any other name is a plugin, and Berth has none. */
  private static final Set<String> LOG_DRIVERS = Set.of("json-file", "local", "none", "syslog", "journald",
      "gelf", "fluentd", "awslogs", "splunk", "etwlogs", "gcplogs", "logentries");
  private static final List<String> RESTART_POLICIES = List.of("", "no", "always", "unless-stopped", "on-failure");

  private CreateChecks() {}

  /** moby {@code validateContainerConfig}: returns the config with its working directory cleaned. */
  static ContainerConfig config(ContainerConfig c) {
    String wd = c.workingDir();
    if (wd != null && !wd.isEmpty()) {
      if (!wd.startsWith("/")) {
        throw new InvalidParameterException("the working directory '" + wd
            + "' is invalid, it needs to be an absolute path");
      }
      String clean = Path.of(wd).normalize().toString();
      if (!clean.equals(wd)) {
        ContainerConfig.Builder b = c.toBuilder();
        b.workingDir = clean;
        c = b.build();
      }
    }
    if (c.stopSignal() != null && !c.stopSignal().isEmpty()) {
      Signals.parse(c.stopSignal());
    }
    return c;
  }

  /**
   * moby {@code validateHostConfig} and the container lookups of create.
   *
   * @param runtimes the configured runtime names
   * @param containers finds another container by ID, name or ID prefix ({@link NotFoundException} when none)
   */
  static void host(HostConfig h, Set<String> runtimes, Function<String, ContainerRecord> containers) {
    restartPolicy(h);
    Capabilities.checkKnown(h.capAdd(), "CapAdd");
    Capabilities.checkKnown(h.capDrop(), "CapDrop");
    String iso = h.isolation();
    if (iso != null && !iso.isEmpty() && !iso.equalsIgnoreCase("default")) {
      throw new InvalidParameterException("invalid isolation (" + iso + "): linux only supports 'default'");
    }
    if (h.runtime() != null && !h.runtime().isEmpty() && !runtimes.contains(h.runtime())) {
      throw new InvalidParameterException("unknown or invalid runtime name: " + h.runtime());
    }
    String driver = h.logConfig().type();
    if (driver != null && !driver.isEmpty() && !LOG_DRIVERS.contains(driver)) {
      throw new InvalidParameterException("error looking up logging plugin " + driver + ": plugin \"" + driver
          + "\" not found");
    }
    for (String from : h.volumesFrom() == null ? List.<String>of() : h.volumesFrom()) {
      String name = from.contains(":") ? from.substring(0, from.lastIndexOf(':')) : from;
      find(containers, name, "");
    }
    for (String link : h.links() == null ? List.<String>of() : h.links()) {
      String name = link.contains(":") ? link.substring(0, link.indexOf(':')) : link;
      name = name.startsWith("/") ? name.substring(1) : name;
      find(containers, name, "could not get container for " + name + ": ");
    }
  }

  /** Resolves {@code container:<name>} of an IPC, PID or network mode to {@code container:<id>} (moby). */
  static String sharedNamespace(String mode, Function<String, ContainerRecord> containers, boolean required) {
    if (mode == null || !mode.startsWith("container:")) {
      return mode;
    }
    String ref = mode.substring("container:".length());
    try {
      return "container:" + containers.apply(ref).id();
    } catch (NotFoundException e) {
      if (required) {
        throw new InvalidParameterException(e.getMessage(), e);
      }
      return mode;
    }
  }

  private static void find(Function<String, ContainerRecord> containers, String ref, String prefix) {
    try {
      containers.apply(ref);
    } catch (NotFoundException e) {
      throw new InvalidParameterException(prefix + e.getMessage(), e);
    }
  }

  private static void restartPolicy(HostConfig h) {
    String policy = h.restartPolicy() == null ? "no" : h.restartPolicy().name();
    if (h.autoRemove() && policy != null && !policy.isEmpty() && !policy.equals("no")) {
      throw new InvalidParameterException("can't create 'AutoRemove' container with restart policy");
    }
    if (policy != null && !RESTART_POLICIES.contains(policy)) {
      throw new InvalidParameterException("invalid restart policy: unknown policy '" + policy
          + "'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'");
    }
    if (h.restartPolicy() != null && h.restartPolicy().maximumRetryCount() > 0 && !"on-failure".equals(policy)) {
      throw new InvalidParameterException("invalid restart policy: maximum retry count can only be used with "
          + "'on-failure'");
    }
  }
}
