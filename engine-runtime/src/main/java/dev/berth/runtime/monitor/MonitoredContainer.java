package dev.berth.runtime.monitor;

/**
 * A container in state {@code created}, watched by its conmon.
 *
 * @param pid the container init's host pid
 * @param conmonPid the conmon daemon's pid (not a child of the JVM)
 */
public record MonitoredContainer(String id, int pid, int conmonPid, ContainerLayout layout) {}
