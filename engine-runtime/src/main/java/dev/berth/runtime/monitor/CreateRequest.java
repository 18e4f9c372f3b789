package dev.berth.runtime.monitor;

import dev.berth.runtime.logging.LogConfig;
import dev.berth.runtime.oci.RuntimeConfig;
import java.nio.file.Path;

/**
 * Everything {@link Monitor#create} needs to create a container from a written OCI bundle.
 *
 * @param id the container id (also the runtime id and conmon's cuuid)
 * @param name the container name, for conmon's logs
 * @param bundle the directory holding {@code config.json}
 */
public record CreateRequest(String id, String name, Path bundle, RuntimeConfig runtime, LogConfig log,
    Stdio stdio) {}
