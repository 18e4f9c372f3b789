package dev.berth.runtime.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link SpecBuilder} needs about one container, in Berth's terms rather than Docker wire types: the
 * daemon maps {@code Config}/{@code HostConfig} (plus what it prepared: rootfs, network sandbox, container dir)
 * into this. Build one with {@link #builder(String, Path)}.
 *
 * <p>Conventions: empty string / zero / empty list mean "not set"; boxed components may be null for "not set".
 *
 * @param args the merged entrypoint + cmd ({@link CommandLine#args()})
 * @param env the container's {@code Config.Env} ({@link EnvMerge#imageAndRequest}); PATH/HOSTNAME/TERM defaults
 *     are added by the builder
 * @param openStdin not part of config.json: the runtime driver keeps stdin open ({@code conmon -i})
 * @param shmSize {@code --shm-size} in bytes; 0 for the daemon default
 * @param shmSource host directory bound at {@code /dev/shm} (ipc host/shareable/container:); null for a private
 *     tmpfs
 * @param cgroupns null for the daemon's default
 * @param cgroupParent {@code --cgroup-parent}; empty for the daemon's
 * @param securityOpt raw {@code --security-opt} values
 * @param maskedPaths API {@code HostConfig.MaskedPaths} override; null keeps dockerd's list
 * @param readonlyPaths API {@code HostConfig.ReadonlyPaths} override; null keeps dockerd's list
 * @param init {@code --init}; null for the daemon default
 * @param oomScoreAdj null leaves it unset (negative values need CAP_SYS_RESOURCE, which we lack)
 */
public record ContainerRuntimeConfig(
    String id, List<String> args, List<String> env, String workingDir, String user, List<String> groupAdd,
    boolean tty, boolean openStdin, ConsoleSize consoleSize, String hostname, String domainname, Path rootfs,
    boolean readonlyRootfs, List<ContainerMount> mounts, long shmSize, Path shmSource, NamespaceMode network,
    NamespaceMode ipc, NamespaceMode pid, NamespaceMode uts, NamespaceMode cgroupns, String cgroupParent,
    Resources resources, boolean privileged, List<String> capAdd, List<String> capDrop, List<String> securityOpt,
    List<String> maskedPaths, List<String> readonlyPaths, List<DeviceMapping> devices,
    List<String> deviceCgroupRules, Map<String, String> sysctls, List<Ulimit> ulimits, Boolean init,
    Integer oomScoreAdj, Map<String, String> annotations) {

  public ContainerRuntimeConfig {
    args = List.copyOf(args);
    env = List.copyOf(env);
    groupAdd = List.copyOf(groupAdd);
    mounts = List.copyOf(mounts);
    capAdd = List.copyOf(capAdd);
    capDrop = List.copyOf(capDrop);
    securityOpt = List.copyOf(securityOpt);
    maskedPaths = maskedPaths == null ? null : List.copyOf(maskedPaths);
    readonlyPaths = readonlyPaths == null ? null : List.copyOf(readonlyPaths);
    devices = List.copyOf(devices);
    deviceCgroupRules = List.copyOf(deviceCgroupRules);
    sysctls = Map.copyOf(sysctls);
    ulimits = List.copyOf(ulimits);
    annotations = Map.copyOf(annotations);
  }

  public static Builder builder(String id, Path rootfs) {
    return new Builder(id, rootfs);
  }

  /** Fluent construction with Docker's defaults (private namespaces, no limits, root user). */
  public static final class Builder {
    private final String id;
    private final Path rootfs;
    private List<String> args = List.of();
    private List<String> env = List.of();
    private String workingDir = "";
    private String user = "";
    private List<String> groupAdd = List.of();
    private boolean tty;
    private boolean openStdin;
    private ConsoleSize consoleSize;
    private String hostname = "";
    private String domainname = "";
    private boolean readonlyRootfs;
    private final List<ContainerMount> mounts = new ArrayList<>();
    private long shmSize;
    private Path shmSource;
    private NamespaceMode network = NamespaceMode.privateNs();
    private NamespaceMode ipc = NamespaceMode.privateNs();
    private NamespaceMode pid = NamespaceMode.privateNs();
    private NamespaceMode uts = NamespaceMode.privateNs();
    private NamespaceMode cgroupns;
    private String cgroupParent = "";
    private Resources resources = Resources.NONE;
    private boolean privileged;
    private List<String> capAdd = List.of();
    private List<String> capDrop = List.of();
    private List<String> securityOpt = List.of();
    private List<String> maskedPaths;
    private List<String> readonlyPaths;
    private List<DeviceMapping> devices = List.of();
    private List<String> deviceCgroupRules = List.of();
    private Map<String, String> sysctls = new LinkedHashMap<>();
    private List<Ulimit> ulimits = List.of();
    private Boolean init;
    private Integer oomScoreAdj;
    private Map<String, String> annotations = Map.of();

    private Builder(String id, Path rootfs) {
      this.id = id;
      this.rootfs = rootfs;
    }

    public Builder args(List<String> v) { args = v; return this; }
    public Builder args(String... v) { args = List.of(v); return this; }
    public Builder env(List<String> v) { env = v; return this; }
    public Builder workingDir(String v) { workingDir = v == null ? "" : v; return this; }
    public Builder user(String v) { user = v == null ? "" : v; return this; }
    public Builder groupAdd(List<String> v) { groupAdd = v; return this; }
    public Builder tty(boolean v) { tty = v; return this; }
    public Builder openStdin(boolean v) { openStdin = v; return this; }
    public Builder consoleSize(ConsoleSize v) { consoleSize = v; return this; }
    public Builder hostname(String v) { hostname = v == null ? "" : v; return this; }
    public Builder domainname(String v) { domainname = v == null ? "" : v; return this; }
    public Builder readonlyRootfs(boolean v) { readonlyRootfs = v; return this; }
    public Builder mount(ContainerMount v) { mounts.add(v); return this; }
    public Builder mounts(List<ContainerMount> v) { mounts.addAll(v); return this; }
    public Builder shmSize(long v) { shmSize = v; return this; }
    public Builder shmSource(Path v) { shmSource = v; return this; }
    public Builder network(NamespaceMode v) { network = v; return this; }
    public Builder ipc(NamespaceMode v) { ipc = v; return this; }
    public Builder pid(NamespaceMode v) { pid = v; return this; }
    public Builder uts(NamespaceMode v) { uts = v; return this; }
    public Builder cgroupns(NamespaceMode v) { cgroupns = v; return this; }
    public Builder cgroupParent(String v) { cgroupParent = v == null ? "" : v; return this; }
    public Builder resources(Resources v) { resources = v; return this; }
    public Builder privileged(boolean v) { privileged = v; return this; }
    public Builder capAdd(List<String> v) { capAdd = v; return this; }
    public Builder capDrop(List<String> v) { capDrop = v; return this; }
    public Builder securityOpt(List<String> v) { securityOpt = v; return this; }
    public Builder maskedPaths(List<String> v) { maskedPaths = v; return this; }
    public Builder readonlyPaths(List<String> v) { readonlyPaths = v; return this; }
    public Builder devices(List<DeviceMapping> v) { devices = v; return this; }
    public Builder deviceCgroupRules(List<String> v) { deviceCgroupRules = v; return this; }
    public Builder sysctls(Map<String, String> v) { sysctls = new LinkedHashMap<>(v); return this; }
    public Builder ulimits(List<Ulimit> v) { ulimits = v; return this; }
    public Builder init(Boolean v) { init = v; return this; }
    public Builder oomScoreAdj(Integer v) { oomScoreAdj = v; return this; }
    public Builder annotations(Map<String, String> v) { annotations = v; return this; }

    public ContainerRuntimeConfig build() {
      return new ContainerRuntimeConfig(id, args, env, workingDir, user, groupAdd, tty, openStdin, consoleSize,
          hostname, domainname, rootfs, readonlyRootfs, mounts, shmSize, shmSource, network, ipc, pid, uts,
          cgroupns, cgroupParent, resources, privileged, capAdd, capDrop, securityOpt, maskedPaths,
          readonlyPaths, devices, deviceCgroupRules, sysctls, ulimits, init, oomScoreAdj, annotations);
    }
  }
}
