package dev.berth.daemon.container;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.model.GoTime;
import dev.berth.api.model.container.ContainerConfig;
import dev.berth.api.model.container.ContainerCreateRequest;
import dev.berth.api.model.container.ContainerCreateResponse;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.EndpointSettings;
import dev.berth.api.model.container.LogConfig;
import dev.berth.api.model.container.NetworkingConfig;
import dev.berth.api.model.container.RestartPolicy;
import dev.berth.api.types.MountSpec;
import dev.berth.runtime.linux.KernelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /containers/create}: validate, merge with the image, reserve the name, prepare the rootfs, persist. */
final class CreateOperation {
  private static final long DEFAULT_SHM = 64L << 20;

  private final ContainerContext ctx;

  CreateOperation(ContainerContext ctx) {
    this.ctx = ctx;
  }

  ContainerCreateResponse create(String name, ContainerCreateRequest req) {
    return create(name, null, req);
  }

  /** @param platform {@code --platform}: a local image of another platform counts as missing (404) */
  ContainerCreateResponse create(String name, String platform, ContainerCreateRequest req) {
    if (req == null) {
      throw new InvalidParameterException("config cannot be empty in order to create a container");
    }
    ContainerConfig user = req.config();
    if (user.image() == null || user.image().isEmpty()) {
      throw new InvalidParameterException("No image was specified");
    }
    user = CreateChecks.config(user);
    HostConfig requested = req.hostConfig() == null ? HostConfig.empty() : req.hostConfig();
    CreateChecks.host(requested, ctx.runtime().runtimes().names(), this::record);
    ImagePort.ResolvedImage image = ctx.images().resolve(user.image());
    PlatformMatch.check(user.image(), platform, image.platform());
    BlkioDiscard.Result blkio = BlkioDiscard.apply(requested.resources(), ctx.runtime().specs().blkio());
    HostConfig.Builder discarded = requested.toBuilder();
    discarded.resources = blkio.resources();
    HostConfig host = defaults(discarded.build());
    ctx.network().validate(req.networkingConfig());
    ContainerConfig merged = ConfigMerge.merge(user, image.config());
    if (merged.entrypoint() != null && merged.entrypoint().size() == 1 && merged.entrypoint().get(0).isEmpty()) {
      ContainerConfig.Builder reset = merged.toBuilder(); // moby mergeAndVerifyConfig: [""] resets the entrypoint
      reset.entrypoint = null;
      merged = reset.build();
    }
    List<String> ep = merged.entrypoint() == null ? List.of() : merged.entrypoint();
    List<String> cmd = merged.cmd() == null ? List.of() : merged.cmd();
    if (ep.isEmpty() && cmd.isEmpty()) {
      throw new InvalidParameterException("no command specified");
    }
    String path = !ep.isEmpty() ? ep.get(0) : cmd.get(0);
    List<String> args = new ArrayList<>(!ep.isEmpty() ? ep.subList(1, ep.size()) : cmd.subList(1, cmd.size()));
    if (!ep.isEmpty()) {
      args.addAll(cmd);
    }

    String id = ContainerIds.generate();
    ContainerConfig.Builder cb = merged.toBuilder();
    if (cb.hostname == null || cb.hostname.isEmpty()) {
      cb.hostname = ContainerNetworking.mode(host).equals("host") ? hostHostname() : ContainerIds.shortId(id);
    }
    cb.domainname = nz(cb.domainname);
    cb.user = nz(cb.user);
    cb.workingDir = nz(cb.workingDir);
    ContainerConfig config = cb.build();
    List<String> warnings = new ArrayList<>(ctx.runtime().specs().validate(
        RuntimeConfigMapper.map(tempRecord(id, config, host, path, args), Path.of("/"), ctx.store().dir(id),
            other -> 0, dev.berth.runtime.spec.NamespaceMode.privateNs())));
    warnings.addAll(blkio.warnings());

    NameRegistry names = ctx.store().names();
    String fullName = name == null || name.isEmpty() ? names.generate(id) : NameRegistry.normalize(name);
    if (name != null && !name.isEmpty()) {
      names.reserve(fullName, id);
    }
    try {
      List<MountSpec> rootfs = ctx.images().prepareRootfs(id, image.id());
      ctx.volumes().create(id, config, host);
      ContainerRecord r = new ContainerRecord(id, fullName, GoTime.rfc3339Nano(Instant.now()), path, args, config,
          host, networking(req.networkingConfig(), host), image.id(), host.runtime(), rootfs,
          new ContainerRecord.State(ContainerStatus.CREATED, 0, 0, "", GoTime.ZERO, GoTime.ZERO, false),
          0, false, false);
      Files.createDirectories(ctx.store().dir(id));
      Container c = new Container(r);
      ctx.store().save(c, r);
      ctx.store().add(c);
      ctx.event(r, "create");
      return new ContainerCreateResponse(id, warnings);
    } catch (IOException e) {
      names.release(fullName, id);
      ctx.images().removeRootfs(id);
      ctx.volumes().removed(id, true);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      names.release(fullName, id);
      ctx.images().removeRootfs(id);
      ctx.volumes().removed(id, true);
      ctx.store().deleteDir(id);
      throw e;
    }
  }

  /**
   * The CLI names the default network "default"; store endpoint settings under the network actually used. As
   * dockerd ({@code updateContainerNetworkSettings}), a container created without endpoint settings records its
   * {@code NetworkMode} network, so connect/disconnect before the first start edit one list.
   */
  private static NetworkingConfig networking(NetworkingConfig nc, HostConfig host) {
    Map<String, EndpointSettings> eps = new LinkedHashMap<>();
    if (nc != null && nc.endpointsConfig() != null) {
      nc.endpointsConfig().forEach((k, v) -> eps.put(k.equals("default") ? host.networkMode() : k, v));
    }
    if (eps.isEmpty() && !host.networkMode().startsWith("container:")) {
      eps.put(host.networkMode(), EndpointSettings.config(null, null, null, null));
    }
    return new NetworkingConfig(eps);
  }

  private ContainerRecord tempRecord(String id, ContainerConfig c, HostConfig h, String path, List<String> args) {
    return new ContainerRecord(id, "/tmp", "", path, args, c, h, null, "", h.runtime(), List.of(),
        new ContainerRecord.State(ContainerStatus.CREATED, 0, 0, "", "", "", false), 0, false, false);
  }

  /** dockerd's create-time defaults ({@code adaptContainerSettings} and friends), visible in inspect. */
  private HostConfig defaults(HostConfig h) {
    HostConfig.Builder b = h.toBuilder();
    b.networkMode = ContainerNetworking.mode(h);
    if (b.runtime == null || b.runtime.isEmpty()) {
      b.runtime = ctx.settings().defaultRuntime();
    }
    if (b.shmSize == 0) {
      b.shmSize = DEFAULT_SHM;
    }
    if (b.logConfig == null || b.logConfig.type() == null || b.logConfig.type().isEmpty()) {
      b.logConfig = new LogConfig(ctx.settings().logDriver(),
          b.logConfig == null || b.logConfig.config() == null ? Map.of() : b.logConfig.config());
    }
    if (b.restartPolicy == null || b.restartPolicy.name() == null || b.restartPolicy.name().isEmpty()) {
      b.restartPolicy = new RestartPolicy(RestartPolicy.NO, 0);
    }
    if (b.ipcMode == null || b.ipcMode.isEmpty()) {
      b.ipcMode = "private";
    }
    if (b.cgroupnsMode == null || b.cgroupnsMode.isEmpty()) {
      b.cgroupnsMode = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers")) ? "private" : "host";
    }
    var res = RuntimeConfigMapper.resources(h).withDockerDefaults();
    b.resources = h.resources().withCreateDefaults();
    if (res.memorySwap() != h.resources().memorySwap()) {
      b.resources = b.resources.withMemorySwap(res.memorySwap());
    }
    if (!h.privileged()) {
      b.maskedPaths = h.maskedPaths() != null ? h.maskedPaths() : ctx.runtime().specs().defaultMaskedPaths();
      b.readonlyPaths = h.readonlyPaths() != null ? h.readonlyPaths() : ctx.runtime().specs().defaultReadonlyPaths();
    }
    b.ipcMode = CreateChecks.sharedNamespace(b.ipcMode, this::record, true);
    b.pidMode = CreateChecks.sharedNamespace(b.pidMode, this::record, true);
    b.networkMode = CreateChecks.sharedNamespace(b.networkMode, this::record, false);
    b.securityOpt = securityOpt(h);
    goStrings(b);
    return b.build();
  }

  /** Go strings are never null: docker-py and compose leave most of them out, dockerd then shows {@code ""}. */
  private static void goStrings(HostConfig.Builder b) {
    b.containerIdFile = nz(b.containerIdFile);
    b.volumeDriver = nz(b.volumeDriver);
    b.cgroup = nz(b.cgroup);
    b.pidMode = nz(b.pidMode);
    b.utsMode = nz(b.utsMode);
    b.usernsMode = nz(b.usernsMode);
    b.isolation = nz(b.isolation);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private ContainerRecord record(String ref) {
    return ctx.store().get(ref).record();
  }

  /** moby {@code generateSecurityOpt}: host IPC or PID namespaces, or privileged, disable SELinux labels. */
  private static List<String> securityOpt(HostConfig h) {
    List<String> opts = h.securityOpt() == null ? List.of() : h.securityOpt();
    boolean hostNs = "host".equals(h.ipcMode()) || "host".equals(h.pidMode()) || h.privileged();
    if (!hostNs || opts.stream().anyMatch(o -> o.split("=", 2)[0].equals("label"))) {
      return h.securityOpt();
    }
    List<String> out = new ArrayList<>(opts);
    out.add("label=disable");
    return out;
  }

  private static String hostHostname() {
    try {
      return KernelFiles.read(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException e) {
      return "localhost";
    }
  }

}
