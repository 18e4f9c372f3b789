package dev.berth.runtime.monitor;

import dev.berth.runtime.oci.RuntimeConfig;
import java.nio.file.Path;

/**
 * A {@code docker exec} to run in a running container.
 *
 * @param dir a fresh directory for this exec's monitor files (e.g. {@code <bundle>/exec/<execId>})
 * @param processSpec an OCI {@code process} JSON file (args, env, cwd, user, terminal)
 * @param stdio {@code openStdin}: an stdin pipe; {@code stdinOnce}: pass true so that the client's half-close
 *     closes the exec's stdin, as dockerd does; {@code tty}: a terminal (must match {@code process.terminal})
 * @param attach whether a client attaches; output is then delivered to the sink from the first byte
 */
public record ExecRequest(String containerId, String execId, Path dir, Path processSpec, RuntimeConfig runtime,
    Stdio stdio, boolean attach) {}
