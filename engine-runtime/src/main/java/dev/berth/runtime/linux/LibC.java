package dev.berth.runtime.linux;

import jnr.ffi.annotations.In;
import jnr.ffi.types.u_int64_t;

/**
 * The libc functions Berth's runtime module calls, bound by JNR; the only file that knows JNR exists. It must be
 * public (JNR defines its implementation in another class loader), but only this package obtains an instance
 * ({@link Linux#libc()} is package-private). Read errno only after a call returned -1: it is stale after success.
 */
public interface LibC {
  int mount(String source, String target, String fstype, @u_int64_t long flags, String data);

  int umount2(String target, int flags);

  int socket(int domain, int type, int protocol);

  int connect(int fd, @In byte[] address, int addressLength);

  int close(int fd);

  int mkfifo(String path, int mode);

  int getpid();

  String strerror(int errno);
}
