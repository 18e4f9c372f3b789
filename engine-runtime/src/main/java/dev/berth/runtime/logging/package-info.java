/**
 * Container logs for {@code docker logs}: conmon writes k8s-file logs, {@link dev.berth.runtime.logging.K8sFileLogReader}
 * reads them (since, until, tail, follow across conmon's rotations); the {@code none} driver keeps nothing.
 */
package dev.berth.runtime.logging;
