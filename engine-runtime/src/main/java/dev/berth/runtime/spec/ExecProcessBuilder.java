package dev.berth.runtime.spec;

import dev.berth.api.errors.InvalidParameterException;
import dev.berth.runtime.user.ResolvedUser;
import dev.berth.runtime.user.UserResolver;
import java.util.List;

/**
 * Builds the OCI {@code process} for {@code docker exec} ({@code runc exec --process}) the way dockerd does:
 * start from the container's process (capabilities, rlimits, no-new-privileges, user, …) and override argv,
 * environment, working directory and terminal; a different user is resolved in the container's rootfs, and
 * {@code --privileged} grants the daemon's whole bounding set.
 */
public final class ExecProcessBuilder {
  private final CapabilitySet boundingSet;

  public ExecProcessBuilder(CapabilitySet boundingSet) {
    this.boundingSet = boundingSet;
  }

  /**
   * dockerd's early check at exec create: the command must not be empty and an explicit user must exist.
   *
   * @throws InvalidParameterException "No exec command specified", or a {@code UserLookupException}
   */
  public void validate(ContainerRuntimeConfig container, ExecRequest exec) {
    if (exec.cmd().isEmpty()) {
      throw new InvalidParameterException("No exec command specified");
    }
    if (!exec.user().isEmpty()) {
      UserResolver.resolve(container.rootfs(), exec.user(), container.groupAdd());
    }
  }

  /**
   * @param containerSpec the spec the container was started with
   * @param container the container's configuration (its env, hostname, user, working dir, group-add and rootfs)
   */
  public ProcessSpec build(Spec containerSpec, ContainerRuntimeConfig container, ExecRequest exec) {
    if (exec.cmd().isEmpty()) {
      throw new InvalidParameterException("No exec command specified");
    }
    ProcessSpec base = containerSpec.process();
    String userSpec = exec.user().isEmpty() ? container.user() : exec.user();
    User user = base.user();
    if (!userSpec.isEmpty()) {
      ResolvedUser u = UserResolver.resolve(container.rootfs(), userSpec, container.groupAdd());
      user = new User(u.uid(), u.gid(), null, u.additionalGids());
    }
    String cwd = !exec.workingDir().isEmpty() ? exec.workingDir()
        : !container.workingDir().isEmpty() ? container.workingDir() : "/";
    List<String> env = EnvMerge.replaceOrAppend(
        EnvMerge.processEnv(container.env(), container.hostname(), exec.tty()), exec.env());
    LinuxCapabilities caps = exec.privileged() ? LinuxCapabilities.of(boundingSet.names()) : base.capabilities();
    return new ProcessSpec(exec.tty(), exec.tty() ? exec.consoleSize() : null, user, exec.cmd(), env, cwd, caps,
        base.rlimits(), base.noNewPrivileges(), base.apparmorProfile(), base.oomScoreAdj(), base.selinuxLabel());
  }
}
