/**
 * The OCI runtime driver: runc or crun run through their command line ({@link dev.berth.runtime.oci.RuncCli}
 * behind {@link dev.berth.runtime.oci.OciRuntime}), configured by name like dockerd's {@code runtimes}
 * ({@link dev.berth.runtime.oci.Runtimes}). The JVM never forks into namespaces: the runtime binary does clone and
 * pivot_root. {@code create} and {@code exec} run under the container monitor ({@code dev.berth.runtime.monitor}).
 * crun needs {@link dev.berth.runtime.oci.CrunWrapper} on cgroup hybrid hosts.
 */
package dev.berth.runtime.oci;
