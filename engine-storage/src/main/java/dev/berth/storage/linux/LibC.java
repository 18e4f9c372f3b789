package dev.berth.storage.linux;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The C functions behind {@link LinuxFsOps}; the only file that knows the native signatures. Public only because
 * JNR generates the implementation in its own class loader (a package-private interface fails with
 * IllegalAccessError); nothing outside this package should use it.
 */
public interface LibC {
  int mknod(String path, int mode, long dev);

  int lchown(String path, int uid, int gid);

  int chmod(String path, int mode);

  int lsetxattr(String path, String name, @In byte[] value, @size_t long size, int flags);

  @ssize_t long lgetxattr(String path, String name, @Out byte[] value, @size_t long size);

  @ssize_t long llistxattr(String path, @Out byte[] list, @size_t long size);

  int utimensat(int dirfd, String path, @In long[] times, int flags);

  String strerror(int errnum);
}
