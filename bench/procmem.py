#!/usr/bin/env python3
"""Sums the memory of groups of processes.

usage: procmem.py --group NAME SPEC [--group NAME SPEC ...]

SPEC is a comma-separated list of conditions that a process must all meet:
  pid=N      the process N
  ppid=N     a child of N
  comm=X     /proc/PID/comm is X; comm=X* : starts with X (the kernel cuts comm to 15 characters)
  cmd=S      its command line contains S
Zombies are skipped. Prints one line per group: "NAME COUNT RSS_KIB PSS_KIB PIDS" (PIDS comma-separated, '-' when none).
RSS counts shared pages in every process; PSS divides them between the processes that share them, so the PSS
sum is the honest total for many copies of one program.
"""
import os
import sys


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def proc_info(pid):
    comm = read(f"/proc/{pid}/comm")
    cmd = read(f"/proc/{pid}/cmdline")
    status = read(f"/proc/{pid}/status")
    if comm is None or cmd is None or status is None:
        return None
    if b"\nState:\tZ" in status:
        return None  # zombies hold no memory
    info = {"pid": pid, "comm": comm.decode(errors="replace").strip(),
            "cmd": cmd.replace(b"\0", b" ").decode(errors="replace"), "rss": 0, "pss": 0, "ppid": -1}
    for line in status.decode(errors="replace").splitlines():
        if line.startswith("VmRSS:"):
            info["rss"] = int(line.split()[1])
        elif line.startswith("PPid:"):
            info["ppid"] = int(line.split()[1])
    rollup = read(f"/proc/{pid}/smaps_rollup")
    if rollup:
        for line in rollup.decode(errors="replace").splitlines():
            if line.startswith("Pss:"):
                info["pss"] = int(line.split()[1])
                break
    return info


def matches(info, spec):
    for cond in spec.split(","):
        key, _, val = cond.partition("=")
        if key == "pid" and info["pid"] != int(val):
            return False
        if key == "ppid" and info["ppid"] != int(val):
            return False
        if key == "comm":
            if val.endswith("*"):
                if not info["comm"].startswith(val[:-1][:15]):
                    return False
            elif info["comm"] != val[:15]:
                return False
        if key == "cmd" and val not in info["cmd"]:
            return False
    return True


def main(argv):
    groups = []
    i = 0
    while i < len(argv):
        if argv[i] != "--group" or i + 2 >= len(argv):
            sys.exit("usage: procmem.py --group NAME SPEC ...")
        groups.append((argv[i + 1], argv[i + 2]))
        i += 3
    procs = [p for p in (proc_info(int(d)) for d in os.listdir("/proc") if d.isdigit()) if p]
    for name, spec in groups:
        hit = [p for p in procs if matches(p, spec)]
        pids = ",".join(str(p["pid"]) for p in hit) or "-"
        print(name, len(hit), sum(p["rss"] for p in hit), sum(p["pss"] for p in hit), pids)


if __name__ == "__main__":
    main(sys.argv[1:])
