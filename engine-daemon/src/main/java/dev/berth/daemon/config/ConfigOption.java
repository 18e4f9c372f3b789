package dev.berth.daemon.config;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every setting berthd knows, with its {@code daemon.json} key (dockerd's names) and its command-line flags.
 * Flags and file keys share one namespace so a setting given in both places is detected as a conflict, the way
 * dockerd reports it.
 */
public enum ConfigOption {
  HOSTS("hosts", Kind.LIST, "host", "H"),
  DATA_ROOT("data-root", Kind.STRING, "data-root", null),
  EXEC_ROOT("exec-root", Kind.STRING, "exec-root", null),
  PIDFILE("pidfile", Kind.STRING, "pidfile", "p"),
  GROUP("group", Kind.STRING, "group", "G"),
  LOG_LEVEL("log-level", Kind.STRING, "log-level", "l"),
  DEBUG("debug", Kind.BOOL, "debug", "D"),
  TLS("tls", Kind.BOOL, "tls", null),
  TLS_VERIFY("tlsverify", Kind.BOOL, "tlsverify", null),
  TLS_CA_CERT("tlscacert", Kind.STRING, "tlscacert", null),
  TLS_CERT("tlscert", Kind.STRING, "tlscert", null),
  TLS_KEY("tlskey", Kind.STRING, "tlskey", null),
  LIVE_RESTORE("live-restore", Kind.BOOL, "live-restore", null),
  EXPERIMENTAL("experimental", Kind.BOOL, "experimental", null),
  LABELS("labels", Kind.LIST, "label", null),
  RUNTIMES("runtimes", Kind.OBJECT, "add-runtime", null),
  DEFAULT_RUNTIME("default-runtime", Kind.STRING, "default-runtime", null),
  EXEC_OPTS("exec-opts", Kind.LIST, "exec-opt", null),
  CGROUP_PARENT("cgroup-parent", Kind.STRING, "cgroup-parent", null),
  STORAGE_DRIVER("storage-driver", Kind.STRING, "storage-driver", "s"),
  STORAGE_OPTS("storage-opts", Kind.LIST, "storage-opt", null),
  LOG_DRIVER("log-driver", Kind.STRING, "log-driver", null),
  LOG_OPTS("log-opts", Kind.OBJECT, "log-opt", null),
  INSECURE_REGISTRIES("insecure-registries", Kind.LIST, "insecure-registry", null),
  REGISTRY_MIRRORS("registry-mirrors", Kind.LIST, "registry-mirror", null),
  MAX_CONCURRENT_DOWNLOADS("max-concurrent-downloads", Kind.INT, "max-concurrent-downloads", null),
  MAX_CONCURRENT_UPLOADS("max-concurrent-uploads", Kind.INT, "max-concurrent-uploads", null),
  MAX_DOWNLOAD_ATTEMPTS("max-download-attempts", Kind.INT, "max-download-attempts", null),
  BRIDGE("bridge", Kind.STRING, "bridge", "b"),
  BIP("bip", Kind.STRING, "bip", null),
  FIXED_CIDR("fixed-cidr", Kind.STRING, "fixed-cidr", null),
  MTU("mtu", Kind.INT, "mtu", null),
  IPTABLES("iptables", Kind.BOOL, "iptables", null),
  IP_FORWARD("ip-forward", Kind.BOOL, "ip-forward", null),
  IP_MASQ("ip-masq", Kind.BOOL, "ip-masq", null),
  ICC("icc", Kind.BOOL, "icc", null),
  IP("ip", Kind.STRING, "ip", null),
  USERLAND_PROXY("userland-proxy", Kind.BOOL, "userland-proxy", null),
  DEFAULT_ADDRESS_POOLS("default-address-pools", Kind.OBJECT_LIST, "default-address-pool", null),
  DNS("dns", Kind.LIST, "dns", null),
  DNS_OPTS("dns-opts", Kind.LIST, "dns-opt", null),
  DNS_SEARCH("dns-search", Kind.LIST, "dns-search", null),
  INIT("init", Kind.BOOL, "init", null),
  INIT_PATH("init-path", Kind.STRING, "init-path", null),
  SHUTDOWN_TIMEOUT("shutdown-timeout", Kind.INT, "shutdown-timeout", null),
  DEFAULT_SHM_SIZE("default-shm-size", Kind.STRING, "default-shm-size", null),
  DEFAULT_ULIMITS("default-ulimits", Kind.OBJECT, "default-ulimit", null),
  SECCOMP_PROFILE("seccomp-profile", Kind.STRING, "seccomp-profile", null),
  NO_NEW_PRIVILEGES("no-new-privileges", Kind.BOOL, "no-new-privileges", null),
  FEATURES("features", Kind.OBJECT, null, null),
  BUILDER("builder", Kind.OBJECT, null, null),
  PROXIES("proxies", Kind.OBJECT, null, null),
  /** Berth: publish ports on 127.0.0.1 when the user gives no address (dockerd publishes on 0.0.0.0). */
  DEFAULT_BIND_LOOPBACK("default-publish-loopback", Kind.BOOL, "default-publish-loopback", null),
  /** Berth: let published ports pass through the host's input firewall chain. */
  PUBLISH_RESPECTS_FIREWALL("publish-respects-firewall", Kind.BOOL, "publish-respects-firewall", null);

  /** The JSON/flag value shape of an option. */
  public enum Kind { STRING, BOOL, INT, LIST, OBJECT, OBJECT_LIST }

  private static final Map<String, ConfigOption> BY_KEY =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(o -> o.key, Function.identity()));

  private final String key;
  private final Kind kind;
  private final String flag;
  private final String shortFlag;

  ConfigOption(String key, Kind kind, String flag, String shortFlag) {
    this.key = key;
    this.kind = kind;
    this.flag = flag;
    this.shortFlag = shortFlag;
  }

  public String key() {
    return key;
  }

  public Kind kind() {
    return kind;
  }

  public static Optional<ConfigOption> byKey(String key) {
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** The option for a long flag ({@code host}) or a short one ({@code H}). */
  public static Optional<ConfigOption> byFlag(String name, boolean isShort) {
    for (ConfigOption o : values()) {
      if (isShort ? name.equals(o.shortFlag) : name.equals(o.flag)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }
}
