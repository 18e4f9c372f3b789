package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configuration checks {@link SpecBuilder#validate} runs, each with dockerd's or runc's message. */
final class ConfigChecks {
  private static final int MAX_HOSTNAME = 64;

  private final SpecDefaults defaults;
  private final HostProfile host;
  private final SeccompProfiles seccomp;

  ConfigChecks(SpecDefaults defaults, HostProfile host, SeccompProfiles seccomp) {
    this.defaults = defaults;
    this.host = host;
    this.seccomp = seccomp;
  }

  void check(ContainerRuntimeConfig c) {
    if (c.args().isEmpty()) {
      throw new InvalidParameterException("no command specified");
    }
    if (c.hostname().getBytes(StandardCharsets.UTF_8).length > MAX_HOSTNAME) {
      throw new InvalidParameterException("hostname " + Sysctls.quote(c.hostname()) + " is too long (maximum "
          + MAX_HOSTNAME + " bytes)");
    }
    if (c.shmSize() < 0) {
      throw new InvalidParameterException("SHM size can not be less than 0");
    }
    if (c.oomScoreAdj() != null && (c.oomScoreAdj() < -1000 || c.oomScoreAdj() > 1000)) {
      throw new InvalidParameterException("Invalid value " + c.oomScoreAdj()
          + ", range for oom score adj is [-1000, 1000]");
    }
    SecurityOptions sec = SecurityOptions.parse(c.securityOpt(), defaults.noNewPrivileges());
    List<String> caps = Capabilities.tweak(
        Capabilities.DEFAULTS, c.capAdd(), c.capDrop(), c.privileged(), host.boundingSet());
    if (sec.seccompProfile() != null) {
      seccomp.forContainer(sec.seccompProfile(), c.privileged(), caps);
    }
    Map<String, String> sysctls = new LinkedHashMap<>(c.sysctls());
    if (!c.domainname().isEmpty()) {
      sysctls.putIfAbsent("kernel.domainname", c.domainname());
    }
    Sysctls.validate(sysctls, c.network(), c.ipc(), c.uts());
    Rlimits.toSpec(Rlimits.merge(c.ulimits(), defaults.ulimits()), host.limits(), host.canRaiseHardLimits());
    DeviceSpecs.parseRules(c.deviceCgroupRules());
    for (ContainerMount m : c.mounts()) {
      if (m.type() == ContainerMount.Type.TMPFS) {
        checkTmpfs(m);
      }
    }
  }

  private static void checkTmpfs(ContainerMount m) {
    MountPlan.checkDestination(m);
    MountPlan.tmpfs(m);
  }
}
