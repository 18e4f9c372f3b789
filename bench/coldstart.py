#!/usr/bin/env python3
"""Starts a daemon and measures exec -> first successful GET /_ping on its UNIX socket, and exec -> first
successful GET /containers/json (a daemon may answer the ping before it can serve anything else).

usage: coldstart.py --sock PATH --log FILE [--timeout S] -- COMMAND [ARGS...]

The daemon is left running in its own session (stdout/stderr appended to FILE). Prints one line:
"<milliseconds> <pid>". Exits 1 (and kills the daemon) when no ping succeeds within the timeout or the
daemon exits first; the tail of its log goes to stderr then.
"""
import argparse
import os
import signal
import socket
import subprocess
import sys
import time

PING = b"GET /_ping HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n"
READY = b"GET /containers/json?all=1 HTTP/1.1\r\nHost: d\r\nConnection: close\r\n\r\n"


def ping(path, request=PING, timeout=2.0):
    """True when the socket answers the request with 200 OK."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    try:
        s.connect(path)
        s.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        return data.startswith(b"HTTP/1.1 200") or data.startswith(b"HTTP/1.0 200")
    except OSError:
        return False
    finally:
        s.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sock", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--timeout", type=float, default=90.0)
    p.add_argument("cmd", nargs=argparse.REMAINDER)
    a = p.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    if not cmd:
        p.error("no command")
    log = open(a.log, "ab")
    t0 = time.monotonic_ns()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = t0 + int(a.timeout * 1e9)
    while time.monotonic_ns() < deadline:
        if ping(a.sock):
            ms = (time.monotonic_ns() - t0) / 1e6
            while time.monotonic_ns() < deadline and proc.poll() is None:
                if ping(a.sock, READY, timeout=a.timeout):
                    ready = (time.monotonic_ns() - t0) / 1e6
                    print(f"{ms:.1f} {ready:.1f} {proc.pid}")
                    return 0
                time.sleep(0.002)
            break
        if proc.poll() is not None:
            break
        time.sleep(0.002)
    if proc.poll() is None:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    log.flush()
    with open(a.log, "rb") as f:
        sys.stderr.write(f.read()[-3000:].decode(errors="replace"))
    sys.stderr.write(f"\ncoldstart: {cmd[0]} did not answer /_ping on {a.sock} (exit {proc.returncode})\n")
    return 1


if __name__ == "__main__":
    sys.exit(main())
