/**
 * Performing mount descriptions ({@code MountSpec} from engine-api): the {@link dev.berth.runtime.mount.Mounter}
 * port and the pure {@link dev.berth.runtime.mount.MountOptions} parser.
 */
package dev.berth.runtime.mount;
