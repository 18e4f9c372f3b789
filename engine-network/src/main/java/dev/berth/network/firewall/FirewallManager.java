package dev.berth.network.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the desired firewall state (rules per network, published ports per endpoint) and re-applies all of it on
 * every change, so the kernel always mirrors memory. A watchdog re-applies it when the tables were flushed behind
 * our back (docker/for-linux#1472: "rules disappear after flush ruleset").
 */
public final class FirewallManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FirewallManager.class);

  private final Firewall firewall;
  private final Map<String, NetworkRule> networks = new LinkedHashMap<>();
  private final Map<String, List<PortRule>> ports = new LinkedHashMap<>();
  private ScheduledExecutorService watchdog;

  public FirewallManager(Firewall firewall) {
    this.firewall = firewall;
  }

  public synchronized void putNetwork(String networkId, NetworkRule rule) {
    networks.put(networkId, rule);
    apply();
  }

  public synchronized void removeNetwork(String networkId) {
    if (networks.remove(networkId) != null) {
      apply();
    }
  }

  /** Replaces the published ports of one endpoint; on failure the previous state is restored and rethrown. */
  public synchronized void putPorts(String endpointId, List<PortRule> rules) {
    List<PortRule> old = ports.put(endpointId, List.copyOf(rules));
    try {
      firewall.changePorts(rules, old == null ? List.of() : old, rules());
    } catch (RuntimeException e) {
      if (old == null) {
        ports.remove(endpointId);
      } else {
        ports.put(endpointId, old);
      }
      throw e;
    }
  }

  public synchronized void removePorts(String endpointId) {
    List<PortRule> old = ports.remove(endpointId);
    if (old != null && !old.isEmpty()) {
      firewall.changePorts(List.of(), old, rules());
    }
  }

  public synchronized FirewallRules rules() {
    List<PortRule> all = new ArrayList<>();
    ports.values().forEach(all::addAll);
    return new FirewallRules(new ArrayList<>(networks.values()), all);
  }

  /** Applies the current state now (startup: replaces whatever a crashed daemon left). */
  public synchronized void apply() {
    firewall.apply(rules());
  }

  /** One watchdog round: re-applies when the tables are not intact. Returns true when it had to. */
  public synchronized boolean checkAndRepair() {
    FirewallRules r = rules();
    if (firewall.isIntact(r)) {
      return false;
    }
    log.warn("Berth's firewall tables were changed or flushed from outside; re-applying");
    firewall.apply(r);
    return true;
  }

  /** Starts the periodic check ({@code nft list table}: one ~2 ms exec per period). */
  public synchronized void startWatchdog(long periodMillis) {
    if (watchdog != null) {
      return;
    }
    watchdog = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
        .name("berth-firewall-watchdog").unstarted(r));
    watchdog.scheduleWithFixedDelay(() -> {
      try {
        checkAndRepair();
      } catch (RuntimeException e) {
        log.warn("firewall check failed", e);
      }
    }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  /** Stops the watchdog; with {@code removeRules} also deletes the tables (e.g. uninstall, tests). */
  public synchronized void close(boolean removeRules) {
    if (watchdog != null) {
      watchdog.shutdownNow();
      watchdog = null;
    }
    if (removeRules) {
      firewall.remove();
    }
  }

  @Override
  public void close() {
    close(false);
  }
}
