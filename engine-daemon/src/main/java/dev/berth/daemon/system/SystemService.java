package dev.berth.daemon.system;

import dev.berth.api.backend.SystemBackend;
import dev.berth.api.model.system.DiskUsage;
import dev.berth.api.model.system.SystemInfo;
import dev.berth.api.model.system.SystemVersion;
import dev.berth.daemon.config.DaemonConfig;
import dev.berth.daemon.http.ApiVersion;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** {@code /info}, {@code /version} and {@code /system/df} from host facts, the config and the managers. */
public final class SystemService implements SystemBackend {
  private static final DateTimeFormatter RFC3339_NANO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnnXXX");

  private final Supplier<DaemonConfig> config;
  private final HostFacts host;
  private final String engineId;
  private final BuildInfo build;
  private final ToolVersions tools;
  private final IntSupplier eventListeners;
  private volatile Inventory inventory = Inventory.EMPTY;
  private volatile Supplier<DiskUsage> diskUsage =
      () -> new DiskUsage(0, List.of(), List.of(), List.of(), List.of());

  public SystemService(Supplier<DaemonConfig> config, HostFacts host, String engineId, BuildInfo build, ToolVersions tools,
      IntSupplier eventListeners) {
    this.config = config;
    this.host = host;
    this.engineId = engineId;
    this.build = build;
    this.tools = tools;
    this.eventListeners = eventListeners;
  }

  public void setInventory(Inventory inventory) {
    this.inventory = inventory;
  }

  public void setDiskUsage(Supplier<DiskUsage> diskUsage) {
    this.diskUsage = diskUsage;
  }

  @Override
  public SystemVersion version() {
    DaemonConfig cfg = config.get();
    String kernel = host.kernelVersion();
    Map<String, String> engine = new LinkedHashMap<>();
    engine.put("ApiVersion", ApiVersion.MAX);
    engine.put("Arch", host.goArch());
    engine.put("BuildTime", build.buildTime());
    engine.put("Experimental", Boolean.toString(cfg.experimental()));
    engine.put("GitCommit", build.gitCommit());
    engine.put("GoVersion", javaVersion());
    engine.put("KernelVersion", kernel);
    engine.put("MinAPIVersion", ApiVersion.MIN);
    engine.put("Os", "linux");
    List<SystemVersion.Component> components = new ArrayList<>();
    components.add(new SystemVersion.Component("Engine", build.engineVersion(), engine));
    components.add(new SystemVersion.Component("Berth", build.berthVersion(),
        Map.of("GitCommit", build.gitCommit())));
    addTool(components, cfg.defaultRuntime(), runtimePath(cfg.defaultRuntime()));
    addTool(components, "conmon", "conmon");
    ToolVersions.Tool tini = tools.of("tini");
    if (!tini.version().isEmpty()) {
      components.add(new SystemVersion.Component("docker-init", tini.version(),
          Map.of("GitCommit", tini.commit())));
    }
    return new SystemVersion(
        new SystemVersion.Platform("Berth " + build.berthVersion() + " (Docker Engine API " + ApiVersion.MAX
            + " compatible)"),
        components, build.engineVersion(), ApiVersion.MAX, ApiVersion.MIN, build.gitCommit(), javaVersion(),
        "linux", host.goArch(), kernel, cfg.experimental(), build.buildTime());
  }

  private void addTool(List<SystemVersion.Component> out, String name, String binary) {
    ToolVersions.Tool t = tools.of(binary);
    if (!t.version().isEmpty()) {
      out.add(new SystemVersion.Component(name, t.version(), Map.of("GitCommit", t.commit())));
    }
  }

  @Override
  public SystemInfo info() {
    DaemonConfig cfg = config.get();
    Inventory.ContainerCounts c = inventory.containers();
    Map<String, String> os = host.osRelease();
    boolean v2 = host.cgroupVersion().equals("2");
    String cg = "sys/fs/cgroup/";
    ToolVersions.Tool runc = tools.of(runtimePath(cfg.defaultRuntime()));
    ToolVersions.Tool tini = tools.of("tini");
    List<String> security = new ArrayList<>(List.of("name=seccomp,profile=builtin"));
    if (v2) {
      security.add("name=cgroupns");
    }
    return new SystemInfo(engineId, c.total(), c.running(), c.paused(), c.stopped(), inventory.images(),
        cfg.storageDriver(),
        List.of(List.of("Backing Filesystem", "extfs"), List.of("Supports d_type", "true"),
            List.of("Using metacopy", "false"), List.of("Native Overlay Diff", "true"),
            List.of("userxattr", "false")),
        cfg.dataRoot(),
        new SystemInfo.PluginsInfo(List.of("local"), List.of("bridge", "host", "null"), null,
            List.of("json-file", "local", "none")),
        true,
        v2 || host.exists(cg + "memory/memory.memsw.limit_in_bytes"),
        v2 || host.exists(cg + "cpu,cpuacct/cpu.cfs_period_us") || host.exists(cg + "cpu/cpu.cfs_period_us"),
        v2 || host.exists(cg + "cpu,cpuacct/cpu.cfs_quota_us") || host.exists(cg + "cpu/cpu.cfs_quota_us"),
        v2 || host.exists(cg + "cpu,cpuacct/cpu.shares") || host.exists(cg + "cpu/cpu.shares"),
        v2 || host.exists(cg + "cpuset"),
        v2 || host.exists(cg + "pids"),
        !v2,
        host.ipv4Forwarding(),
        cfg.debug(), host.openFileDescriptors(), Thread.activeCount(),
        OffsetDateTime.now().format(RFC3339_NANO), cfg.logDriver(), "cgroupfs", host.cgroupVersion(),
        eventListeners.getAsInt(), host.kernelVersion(),
        os.getOrDefault("PRETTY_NAME", "Linux"), os.getOrDefault("VERSION_ID", ""), "linux", host.machine(),
        Runtime.getRuntime().availableProcessors(), host.memTotalBytes(), "https://index.docker.io/v1/",
        registryConfig(), null, proxy("http-proxy", "HTTP_PROXY"), proxy("https-proxy", "HTTPS_PROXY"),
        proxy("no-proxy", "NO_PROXY"), host.hostname(), cfg.labels(), false, build.engineVersion(),
        runtimes(), cfg.defaultRuntime(), SystemInfo.SwarmInfo.inactive(), cfg.liveRestore(), "",
        "docker-init", new SystemInfo.Commit(""), new SystemInfo.Commit(runc.commit()),
        new SystemInfo.Commit(tini.commit()), security, List.of(), null, List.of(), List.of());
  }

  private SystemInfo.RegistryConfig registryConfig() {
    DaemonConfig cfg = config.get();
    List<String> cidrs = new ArrayList<>(List.of("::1/128", "127.0.0.0/8"));
    Map<String, SystemInfo.IndexInfo> index = new LinkedHashMap<>();
    for (String r : cfg.insecureRegistries()) {
      if (r.matches("[0-9a-fA-F.:]+/\\d+")) {
        cidrs.add(r);
      } else {
        index.put(r, new SystemInfo.IndexInfo(r, List.of(), false, false));
      }
    }
    index.put("docker.io", new SystemInfo.IndexInfo("docker.io", cfg.registryMirrors(), true, true));
    return new SystemInfo.RegistryConfig(cidrs, index, cfg.registryMirrors());
  }

  private Map<String, SystemInfo.Runtime> runtimes() {
    DaemonConfig cfg = config.get();
    Map<String, SystemInfo.Runtime> m = new LinkedHashMap<>();
    m.put("runc", new SystemInfo.Runtime("runc", null));
    m.put("crun", new SystemInfo.Runtime("crun", null));
    cfg.runtimes().forEach((k, v) -> m.put(k, new SystemInfo.Runtime(v.path(), v.runtimeArgs())));
    return m;
  }

  private String runtimePath(String name) {
    DaemonConfig.RuntimeEntry e = config.get().runtimes().get(name);
    return e != null ? e.path() : name;
  }

  private String proxy(String key, String env) {
    String v = config.get().proxies().get(key);
    if (v == null) {
      v = System.getenv(env);
    }
    return v == null ? "" : v;
  }

  private static String javaVersion() {
    return "java" + Runtime.version().feature();
  }

  @Override
  public DiskUsage diskUsage() {
    return diskUsage.get();
  }
}
