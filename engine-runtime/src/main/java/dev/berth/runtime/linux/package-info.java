/**
 * The runtime module's native layer (libc through JNR): mount/umount2, SOCK_SEQPACKET connect, mkfifo. Only the
 * composition root instantiates these classes; {@link dev.berth.runtime.linux.Linux} probes availability once.
 */
package dev.berth.runtime.linux;
