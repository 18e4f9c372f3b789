package dev.berth.network.linux;

import jnr.ffi.types.u_int64_t;

/**
 * The few libc calls namespace work needs; the only file that knows JNR's mapping. Public only because JNR's
 * generated implementation lives in another class loader and cannot implement a package-private interface
 * (IllegalAccessError); nothing outside this package uses it.
 */
public interface LibC {
  int CLONE_NEWNET = 0x40000000;
  int O_RDONLY = 0;
  int O_CLOEXEC = 0x80000;
  long MS_BIND = 4096;
  int MNT_DETACH = 2;

  int unshare(int flags);

  int setns(int fd, int nstype);

  int open(String path, int flags);

  int close(int fd);

  int gettid();

  int mount(String source, String target, String fstype, @u_int64_t long flags, String data);

  int umount2(String target, int flags);

  String strerror(int errnum);
}
