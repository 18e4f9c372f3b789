package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.runtime.user.ResolvedUser;
import dev.berth.runtime.user.UserResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ContainerRuntimeConfig} into the OCI spec runc runs, with dockerd's defaults and semantics
 * (moby {@code createSpec}). One instance per daemon; thread-safe.
 */
public final class SpecBuilder {
  private final SpecDefaults defaults;
  private final HostProfile host;
  private final SeccompProfiles seccomp;
  private final DeviceSpecs devices;

  public SpecBuilder(SpecDefaults defaults, HostProfile host) {
    this.defaults = defaults;
    this.host = host;
    this.seccomp = new SeccompProfiles(defaults.seccompProfile(), host.nativeArch(), host.kernel());
    this.devices = new DeviceSpecs(host.devices());
  }

  /**
   * Create-time checks (dockerd's {@code verifyContainerSettings} plus what runc would reject at start), so a bad
   * configuration fails {@code docker create} with 400 instead of {@code docker start} with 500.
   *
   * @return dockerd's warnings for the create response
   * @throws InvalidParameterException with dockerd's (or runc's) message
   */
  public List<String> validate(ContainerRuntimeConfig c) {
    new ConfigChecks(defaults, host, seccomp).check(c);
    List<String> warnings = ResourceChecks.validate(c.resources(), host.onlineCpus());
    CpuList.checkAvailable(c.resources().cpusetCpus(), host.cpus());
    return warnings;
  }

  /** Which block-IO weights this host's cgroups offer. */
  public BlkioSupport blkio() {
    return host.blkio();
  }

  /** dockerd's resource checks for {@code docker update} (only the fields the request sets). */
  public List<String> validateUpdate(Resources r) {
    List<String> warnings = ResourceChecks.validate(r, host.onlineCpus(), true);
    CpuList.checkAvailable(r.cpusetCpus(), host.cpus());
    return warnings;
  }

  /**
   * Builds the spec. Reads the rootfs's {@code /etc/passwd} and {@code /etc/group}, so the rootfs must be mounted.
   *
   * @throws InvalidParameterException for an invalid configuration (see {@link #validate})
   * @throws dev.berth.runtime.user.UserLookupException for an unknown user or group (dockerd: 500 at start)
   * @throws SystemException when host facts (devices, init binary) are missing, or a shared or slave bind's
   *     source is on a private mount
   */
  public Spec build(ContainerRuntimeConfig c) {
    validate(c);
    SecurityOptions sec = SecurityOptions.parse(c.securityOpt(), defaults.noNewPrivileges());
    List<String> caps = Capabilities.tweak(
        Capabilities.DEFAULTS, c.capAdd(), c.capDrop(), c.privileged(), host.boundingSet());

    List<String> args = new ArrayList<>(c.args());
    Mount initMount = null;
    if (useInit(c)) {
      if (defaults.initPath() == null) {
        throw new SystemException("exec: \"docker-init\": executable file not found in $PATH");
      }
      args.addAll(0, List.of(DefaultSpec.INIT_PATH, "--"));
      initMount = new Mount(DefaultSpec.INIT_PATH, "bind", defaults.initPath().toString(), List.of("bind", "ro"));
    }
    ResolvedUser u = UserResolver.resolve(c.rootfs(), c.user(), c.groupAdd());
    ProcessSpec process = new ProcessSpec(
        c.tty(),
        c.tty() ? c.consoleSize() : null,
        new User(u.uid(), u.gid(), null, u.additionalGids()),
        args,
        EnvMerge.processEnv(c.env(), c.hostname(), c.tty()),
        c.workingDir().isEmpty() ? "/" : c.workingDir(),
        LinuxCapabilities.of(caps),
        Rlimits.toSpec(Rlimits.merge(c.ulimits(), defaults.ulimits()), host.limits(), host.canRaiseHardLimits()),
        sec.noNewPrivileges(),
        null,
        c.oomScoreAdj(),
        null);

    long shmSize = c.shmSize() > 0 ? c.shmSize() : defaults.shmSize();
    boolean writableCgroups = sec.writableCgroups() != null ? sec.writableCgroups() : c.privileged();
    BindPropagation.check(c.mounts(), host.mounts());
    MountPlan.Result mounts = MountPlan.build(c, initMount, shmSize, writableCgroups);
    DeviceSpecs.Result dev = devices.build(c.privileged(), c.devices(), c.deviceCgroupRules());
    NamespaceMode.Kind cgroupns = NamespaceSpecs.cgroupnsMode(c, defaults, host.cgroupMode());

    Linux linux = new Linux(
        sysctls(c),
        ResourceSpecs.toSpec(c.resources(), dev.permissions()),
        cgroupsPath(c),
        NamespaceSpecs.build(c, cgroupns),
        dev.devices(),
        seccomp.forContainer(sec.seccompProfile(), c.privileged(), caps),
        mounts.rootfsPropagation().isEmpty() ? null : mounts.rootfsPropagation(),
        c.maskedPaths() != null ? c.maskedPaths() : c.privileged() ? List.of() : maskedPaths(),
        c.readonlyPaths() != null ? c.readonlyPaths() : c.privileged() ? List.of() : DefaultSpec.READONLY_PATHS);
    return new Spec(Spec.OCI_VERSION, process, new Root(c.rootfs().toString(), c.readonlyRootfs()),
        c.uts().isHost() ? null : c.hostname(), null, mounts.mounts(), c.annotations(), linux);
  }

  /** {@code --init} (or the daemon's default) applies only to containers with their own PID namespace. */
  boolean useInit(ContainerRuntimeConfig c) {
    boolean wanted = c.init() != null ? c.init() : defaults.init();
    NamespaceMode.Kind pid = c.pid().kind();
    return wanted && (pid == NamespaceMode.Kind.PRIVATE || pid == NamespaceMode.Kind.NONE);
  }

  /**
   * dockerd's sysctls: with a network namespace of its own the container gets unprivileged ping and low ports
   * (when the kernel has those sysctls); the domain name goes through {@code kernel.domainname}; the user's win.
   */
  Map<String, String> sysctls(ContainerRuntimeConfig c) {
    Map<String, String> out = new LinkedHashMap<>();
    NamespaceMode.Kind net = c.network().kind();
    if (net == NamespaceMode.Kind.PRIVATE || net == NamespaceMode.Kind.NONE || net == NamespaceMode.Kind.PATH) {
      if (host.sysctlExists().test("net.ipv4.ping_group_range")) {
        out.put("net.ipv4.ping_group_range", "0 2147483647");
      }
      if (host.sysctlExists().test("net.ipv4.ip_unprivileged_port_start")) {
        out.put("net.ipv4.ip_unprivileged_port_start", "0");
      }
    }
    if (!c.domainname().isEmpty()) {
      out.put("kernel.domainname", c.domainname());
    }
    out.putAll(c.sysctls());
    return out;
  }

  /** cgroupfs driver: {@code <parent>/<id>} joined like Go's {@code filepath.Join}. */
  String cgroupsPath(ContainerRuntimeConfig c) {
    String parent = c.cgroupParent().isEmpty() ? defaults.cgroupParent() : c.cgroupParent();
    String joined = (parent + "/" + c.id()).replaceAll("/+", "/");
    return java.nio.file.Path.of(joined).normalize().toString();
  }

  /** dockerd's default {@code HostConfig.MaskedPaths} on this host (set at create unless privileged). */
  public List<String> defaultMaskedPaths() {
    return List.copyOf(maskedPaths());
  }

  /** dockerd's default {@code HostConfig.ReadonlyPaths} (set at create unless privileged). */
  public List<String> defaultReadonlyPaths() {
    return DefaultSpec.READONLY_PATHS;
  }

  private List<String> maskedPaths() {
    List<String> out = new ArrayList<>(DefaultSpec.MASKED_PATHS);
    out.addAll(host.extraMaskedPaths());
    return out;
  }
}
