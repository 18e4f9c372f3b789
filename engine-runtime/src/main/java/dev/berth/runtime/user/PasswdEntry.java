package dev.berth.runtime.user;

/** One {@code /etc/passwd} line: {@code name:password:uid:gid:gecos:home:shell}. */
public record PasswdEntry(String name, int uid, int gid, String home, String shell) {}
