package dev.berth.runtime.monitor;

import java.nio.file.Path;

/** Connects an AF_UNIX SOCK_SEQPACKET socket and hands back the raw fd (native, see {@code LinuxSeqpacketConnector}). */
public interface SeqpacketConnector {
  /**
   * Connects to {@code socket} (path shorter than 108 bytes) and returns a non-blocking, close-on-exec fd that the
   * caller owns.
   */
  int connect(Path socket);
}
