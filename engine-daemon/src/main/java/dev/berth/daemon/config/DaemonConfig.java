package dev.berth.daemon.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The validated daemon configuration: {@code daemon.json} (dockerd's key names) overlaid with flags. Built once
 * by {@link ConfigLoader}; {@code Wiring} hands each module the small part it needs.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record DaemonConfig(
    @JsonProperty("hosts") List<String> hosts,
    @JsonProperty("data-root") String dataRoot,
    @JsonProperty("exec-root") String execRoot,
    @JsonProperty("pidfile") String pidfile,
    @JsonProperty("group") String group,
    @JsonProperty("log-level") String logLevel,
    @JsonProperty("debug") boolean debug,
    @JsonProperty("tls") boolean tls,
    @JsonProperty("tlsverify") boolean tlsVerify,
    @JsonProperty("tlscacert") String tlsCaCert,
    @JsonProperty("tlscert") String tlsCert,
    @JsonProperty("tlskey") String tlsKey,
    @JsonProperty("live-restore") boolean liveRestore,
    @JsonProperty("experimental") boolean experimental,
    @JsonProperty("labels") List<String> labels,
    @JsonProperty("runtimes") Map<String, RuntimeEntry> runtimes,
    @JsonProperty("default-runtime") String defaultRuntime,
    @JsonProperty("exec-opts") List<String> execOpts,
    @JsonProperty("cgroup-parent") String cgroupParent,
    @JsonProperty("storage-driver") String storageDriver,
    @JsonProperty("storage-opts") List<String> storageOpts,
    @JsonProperty("log-driver") String logDriver,
    @JsonProperty("log-opts") Map<String, String> logOpts,
    @JsonProperty("insecure-registries") List<String> insecureRegistries,
    @JsonProperty("registry-mirrors") List<String> registryMirrors,
    @JsonProperty("max-concurrent-downloads") int maxConcurrentDownloads,
    @JsonProperty("max-concurrent-uploads") int maxConcurrentUploads,
    @JsonProperty("max-download-attempts") int maxDownloadAttempts,
    @JsonProperty("bridge") String bridge,
    @JsonProperty("bip") String bip,
    @JsonProperty("fixed-cidr") String fixedCidr,
    @JsonProperty("mtu") int mtu,
    @JsonProperty("iptables") boolean iptables,
    @JsonProperty("ip-forward") boolean ipForward,
    @JsonProperty("ip-masq") boolean ipMasq,
    @JsonProperty("icc") boolean icc,
    @JsonProperty("ip") String ip,
    @JsonProperty("userland-proxy") boolean userlandProxy,
    @JsonProperty("default-address-pools") List<AddressPool> defaultAddressPools,
    @JsonProperty("dns") List<String> dns,
    @JsonProperty("dns-opts") List<String> dnsOpts,
    @JsonProperty("dns-search") List<String> dnsSearch,
    @JsonProperty("init") boolean init,
    @JsonProperty("init-path") String initPath,
    @JsonProperty("shutdown-timeout") int shutdownTimeout,
    @JsonProperty("default-shm-size") String defaultShmSize,
    @JsonProperty("default-ulimits") Map<String, Ulimit> defaultUlimits,
    @JsonProperty("seccomp-profile") String seccompProfile,
    @JsonProperty("no-new-privileges") boolean noNewPrivileges,
    @JsonProperty("features") Map<String, Boolean> features,
    @JsonProperty("builder") Map<String, Object> builder,
    @JsonProperty("proxies") Map<String, String> proxies,
    @JsonProperty("default-publish-loopback") boolean defaultPublishLoopback,
    @JsonProperty("publish-respects-firewall") boolean publishRespectsFirewall) {

  public static final String DEFAULT_SOCKET = "unix:///var/run/docker.sock";

  /** An OCI runtime as in dockerd's {@code runtimes}: a binary path and extra arguments. */
  public record RuntimeEntry(
      @JsonProperty("path") String path, @JsonProperty("runtimeArgs") List<String> runtimeArgs) {}

  public record AddressPool(@JsonProperty("base") String base, @JsonProperty("size") int size) {}

  public record Ulimit(
      @JsonProperty("Name") String name, @JsonProperty("Soft") long soft, @JsonProperty("Hard") long hard) {}

  /** Berth's defaults: dockerd's, except live-restore on and bounded json-file logs. */
  public static DaemonConfig defaults() {
    return new DaemonConfig(List.of(), "/var/lib/berth", "/var/run/berth", "/var/run/berthd.pid", "docker",
        "info", false, false, false, null, null, null, true, false, List.of(), Map.of(), "runc", List.of(), null,
        "overlay2", List.of(), "json-file", Map.of("max-size", "20m", "max-file", "5"), List.of(), List.of(), 3, 5,
        5, "", "", "", 1500, true, true, true, true, "0.0.0.0", true, List.of(), List.of(), List.of(), List.of(),
        false, null, 15, "64M", Map.of(), null, false, Map.of(), Map.of(), Map.of(), false, false);
  }

  /**
   * {@link #defaults()} as daemon.json, the base that file and flags are merged onto. Written out rather than
   * serialised: building Jackson's serializer for this record cost every start ~50 ms. ConfigLoaderTest checks
   * that both agree.
   */
  static com.fasterxml.jackson.databind.node.ObjectNode defaultsTree() {
    try {
      return (com.fasterxml.jackson.databind.node.ObjectNode) dev.berth.daemon.http.Json.MAPPER.readTree("""
          {"hosts": [], "data-root": "/var/lib/berth", "exec-root": "/var/run/berth",
           "pidfile": "/var/run/berthd.pid", "group": "docker", "log-level": "info", "debug": false, "tls": false,
           "tlsverify": false, "tlscacert": null, "tlscert": null, "tlskey": null, "live-restore": true,
           "experimental": false, "labels": [], "runtimes": {}, "default-runtime": "runc", "exec-opts": [],
           "cgroup-parent": null, "storage-driver": "overlay2", "storage-opts": [], "log-driver": "json-file",
           "log-opts": {"max-size": "20m", "max-file": "5"}, "insecure-registries": [], "registry-mirrors": [],
           "max-concurrent-downloads": 3, "max-concurrent-uploads": 5, "max-download-attempts": 5, "bridge": "",
           "bip": "", "fixed-cidr": "", "mtu": 1500, "iptables": true, "ip-forward": true, "ip-masq": true,
           "icc": true, "ip": "0.0.0.0", "userland-proxy": true, "default-address-pools": [], "dns": [],
           "dns-opts": [], "dns-search": [], "init": false, "init-path": null, "shutdown-timeout": 15,
           "default-shm-size": "64M", "default-ulimits": {}, "seccomp-profile": null, "no-new-privileges": false,
           "features": {}, "builder": {}, "proxies": {}, "default-publish-loopback": false,
           "publish-respects-firewall": false}
          """);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** This configuration with other data and exec roots (their canonical paths, at startup). */
  public DaemonConfig withRoots(String data, String exec) {
    var components = DaemonConfig.class.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] = switch (components[i].getName()) {
          case "dataRoot" -> data;
          case "execRoot" -> exec;
          default -> components[i].getAccessor().invoke(this);
        };
      }
      return DaemonConfig.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hosts to listen on: the configured ones, or the default socket. */
  public List<String> effectiveHosts() {
    return hosts == null || hosts.isEmpty() ? List.of(DEFAULT_SOCKET) : hosts;
  }
}
