package dev.berth.runtime.monitor;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A started exec process.
 *
 * @param pid the exec process's host pid
 * @param exit completes when the process ends (exit code 128+n after signal n); completes on the exit watcher's
 *     thread
 * @param attach the attach connection when the request asked for one
 */
public record ExecSession(String execId, int pid, CompletableFuture<ContainerExit> exit,
    Optional<AttachConnection> attach, ExecLayout layout) {}
