package dev.berth.daemon.container;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.api.errors.ConflictException;
import dev.berth.api.errors.InvalidParameterException;
import dev.berth.api.errors.SystemException;
import dev.berth.api.model.container.ContainerUpdateRequest;
import dev.berth.api.model.container.ContainerUpdateResponse;
import dev.berth.api.model.container.HostConfig;
import dev.berth.api.model.container.Resources;
import dev.berth.api.model.container.RestartPolicy;
import dev.berth.runtime.spec.LinuxResources;
import dev.berth.runtime.spec.ResourceSpecs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code POST /containers/{id}/update} (moby {@code daemon/update.go}): merges the non-zero fields into the
 * container's {@code HostConfig}, applies the resources to a running container with {@code runtime update}, and
 * persists the result.
 */
public final class ContainerUpdate {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final ContainerContext ctx;

  public ContainerUpdate(ContainerManager manager) {
    this.ctx = manager.context();
  }

  public ContainerUpdateResponse update(String ref, ContainerUpdateRequest req) {
    Container c = ctx.store().get(ref);
    c.lock.lock();
    try {
      ContainerRecord r = c.record();
      ContainerStatus s = r.state().status();
      if (s == ContainerStatus.REMOVING || s == ContainerStatus.DEAD) {
        throw new InvalidParameterException("Cannot update container " + r.id()
            + ": container is marked for removal and cannot be \"update\"");
      }
      BlkioDiscard.Result blkio = BlkioDiscard.apply(req.resources(), ctx.runtime().specs().blkio());
      HostConfig.Builder asked = new HostConfig.Builder();
      asked.resources = blkio.resources();
      List<String> warnings = new java.util.ArrayList<>(
          ctx.runtime().specs().validateUpdate(RuntimeConfigMapper.resources(asked.build())));
      warnings.addAll(blkio.warnings());
      HostConfig updated = merge(r.hostConfig(), ContainerUpdateRequest.of(blkio.resources(), req.restartPolicy()));
      if (s.isRunning() && s != ContainerStatus.RESTARTING) {
        apply(r, updated.resources());
      }
      ctx.store().save(c, r.withHostConfig(updated));
      ctx.event(c.record(), "update");
      return ContainerUpdateResponse.of(warnings);
    } finally {
      c.lock.unlock();
    }
  }

  /** moby's {@code UpdateContainer}: only the fields the request sets change. */
  static HostConfig merge(HostConfig h, ContainerUpdateRequest req) {
    Resources cur = h.resources();
    Resources u = req.resources();
    long memory = cur.memory();
    long swap = cur.memorySwap();
    if (u.memory() != 0) {
      if (cur.memorySwap() > 0 && u.memory() > cur.memorySwap() && u.memorySwap() == 0) {
        throw new ConflictException("Cannot update container: Memory limit should be smaller than already set "
            + "memoryswap limit, update the memoryswap at the same time");
      }
      memory = u.memory();
    }
    if (u.memorySwap() != 0) {
      swap = u.memorySwap();
    }
    long nano = cur.nanoCpus();
    long quota = cur.cpuQuota();
    long period = cur.cpuPeriod();
    if (u.nanoCpus() != 0) {
      nano = u.nanoCpus();
    }
    if (u.cpuQuota() != 0) {
      quota = u.cpuQuota();
    }
    if (u.cpuPeriod() != 0) {
      period = u.cpuPeriod();
    }
    if ((nano > 0 && u.nanoCpus() != 0 && (quota > 0 || period > 0)) || (u.nanoCpus() == 0 && nano > 0
        && (u.cpuQuota() > 0 || u.cpuPeriod() > 0))) {
      throw new InvalidParameterException("Conflicting options: Nano CPUs cannot be updated as CPU Period/Quota "
          + "has already been set");
    }
    Resources merged = new Resources(u.cpuShares() != 0 ? u.cpuShares() : cur.cpuShares(), memory, nano,
        cur.cgroupParent(), u.blkioWeight() != 0 ? u.blkioWeight() : cur.blkioWeight(), cur.blkioWeightDevice(),
        cur.blkioDeviceReadBps(), cur.blkioDeviceWriteBps(), cur.blkioDeviceReadIOps(),
        cur.blkioDeviceWriteIOps(), period, quota, cur.cpuRealtimePeriod(), cur.cpuRealtimeRuntime(),
        nz(u.cpusetCpus()).isEmpty() ? cur.cpusetCpus() : u.cpusetCpus(),
        nz(u.cpusetMems()).isEmpty() ? cur.cpusetMems() : u.cpusetMems(), cur.devices(), cur.deviceCgroupRules(),
        cur.deviceRequests(), cur.kernelMemory(), cur.kernelMemoryTcp(),
        u.memoryReservation() != 0 ? u.memoryReservation() : cur.memoryReservation(), swap,
        cur.memorySwappiness(), cur.oomKillDisable(), pidsLimit(cur.pidsLimit(), u.pidsLimit()),
        cur.ulimits(), cur.cpuCount(), cur.cpuPercent(), cur.ioMaximumIOps(), cur.ioMaximumBandwidth());
    HostConfig.Builder b = h.toBuilder();
    b.resources = merged;
    RestartPolicy p = req.restartPolicy();
    if (p != null && p.name() != null && !p.name().isEmpty()) {
      if (h.autoRemove() && !p.isNone()) {
        throw new InvalidParameterException("Restart policy cannot be updated because AutoRemove is enabled for "
            + "the container");
      }
      b.restartPolicy = p;
    }
    return b.build();
  }

  private void apply(ContainerRecord r, Resources res) {
    HostConfig.Builder hb = new HostConfig.Builder();
    hb.resources = res;
    LinuxResources spec = ResourceSpecs.toSpec(RuntimeConfigMapper.resources(hb.build()), null);
    Path file = ctx.runtime().bundle(r.id()).resolve("update-resources.json");
    try {
      Files.writeString(file, JSON.writeValueAsString(spec));
      ctx.runtime().runtime(r.runtime()).update(r.id(), file);
    } catch (IOException e) {
      throw new SystemException("Cannot update container " + r.id() + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (e instanceof dev.berth.api.errors.EngineException ee && !(e instanceof SystemException)) {
        throw ee;
      }
      throw new SystemException("Cannot update container " + r.id() + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // best effort
      }
    }
  }

  /** moby {@code postContainerUpdate}: 0 and any negative value both mean "unlimited", stored as 0. */
  private static Long pidsLimit(Long current, Long requested) {
    if (requested == null) {
      return current;
    }
    return requested <= 0 ? 0L : requested;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
