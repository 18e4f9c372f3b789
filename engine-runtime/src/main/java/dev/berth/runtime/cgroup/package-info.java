/**
 * cgroups as plain files under a configurable root: statistics for {@code docker stats} (v1 and v2 readers,
 * {@link dev.berth.runtime.cgroup.HostCpu} for {@code system_cpu_usage}) and removal of leftover container
 * cgroups. No native code.
 */
package dev.berth.runtime.cgroup;
