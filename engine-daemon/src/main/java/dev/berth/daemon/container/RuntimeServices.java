package dev.berth.daemon.container;

import dev.berth.runtime.monitor.Attacher;
import dev.berth.runtime.monitor.ExitWatcher;
import dev.berth.runtime.monitor.Monitor;
import dev.berth.runtime.monitor.MonitorConfig;
import dev.berth.runtime.mount.Mounter;
import dev.berth.runtime.oci.OciRuntime;
import dev.berth.runtime.oci.RuntimeConfig;
import dev.berth.runtime.oci.Runtimes;
import dev.berth.runtime.spec.ExecProcessBuilder;
import dev.berth.runtime.spec.SpecBuilder;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The runtime side the container manager drives, chosen by {@code Wiring}: monitors, OCI runtimes, exit watching,
 * attaching, mounting, spec generation.
 *
 * @param runtimeFor the {@link OciRuntime} for a configured runtime (runc, crun …)
 * @param execRoot where bundles live ({@code <exec-root>/containers/<id>})
 */
public record RuntimeServices(Monitor monitor, MonitorConfig monitorConfig, Runtimes runtimes,
    Function<RuntimeConfig, OciRuntime> runtimeFor, ExitWatcher exits, Attacher attacher, Mounter mounter,
    SpecBuilder specs, ExecProcessBuilder execs, Path execRoot) {

  public Path bundle(String id) {
    return execRoot.resolve("containers").resolve(id);
  }

  public Path rootfs(String id) {
    return bundle(id).resolve("rootfs");
  }

  public OciRuntime runtime(String name) {
    return runtimeFor.apply(runtimes.forName(name));
  }
}
