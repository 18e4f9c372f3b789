#!/usr/bin/env python3
"""Interleaved latency measurement of docker CLI commands against several daemons.

usage: timer.py --runs N [--warmup W] --tsv FILE [--prefix P] \
         --case berth --step create 'docker -H ... create --name c{i} busybox' --step start '...' \
                      [--cleanup '...'] \
         --case dockerd --step create '...' ...

Every iteration runs each case once, cases in turn (round robin, the order alternating each iteration), so a
burst of load from elsewhere on the machine hits all daemons alike. A case is a sequence of steps; each step is
timed on its own (wall time of the whole CLI process, in ms). A step whose name starts with '-' runs untimed
(set-up). '{i}' in a command becomes the iteration number. When a step fails, the rest of that iteration's steps
for the case are skipped and its cleanup command (untimed, errors ignored) still runs.

Appends one line per (case, step) to the TSV file:
  metric  daemon  median  min  max  n  failures  unit  samples(comma-separated)  first-error
"""
import argparse
import shlex
import statistics
import subprocess
import sys
import time


def parse(argv):
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, required=True)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--tsv", required=True)
    p.add_argument("--prefix", default="")
    p.add_argument("--timeout", type=float, default=120.0)
    opts, rest = p.parse_known_args(argv)
    cases = []
    i = 0
    while i < len(rest):
        tok = rest[i]
        if tok == "--case":
            cases.append({"name": rest[i + 1], "steps": [], "cleanup": None})
            i += 2
        elif tok == "--step":
            cases[-1]["steps"].append((rest[i + 1], rest[i + 2]))
            i += 3
        elif tok == "--cleanup":
            cases[-1]["cleanup"] = rest[i + 1]
            i += 2
        else:
            p.error("unexpected argument " + tok)
    if not cases:
        p.error("no --case")
    return opts, cases


def run(cmd, timeout):
    t0 = time.monotonic_ns()
    try:
        r = subprocess.run(shlex.split(cmd), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, timeout=timeout)
        rc, err = r.returncode, r.stderr.decode(errors="replace").strip()
    except subprocess.TimeoutExpired:
        rc, err = -1, f"timed out after {timeout}s"
    return (time.monotonic_ns() - t0) / 1e6, rc, err


def one_iteration(case, i, timeout, record):
    for name, cmd in case["steps"]:
        ms, rc, err = run(cmd.replace("{i}", str(i)), timeout)
        if rc != 0:
            record(name, None, f"`{cmd.replace('{i}', str(i))}` exit {rc}: {err[:300]}")
            break
        if not name.startswith("-"):
            record(name, ms, None)
    if case["cleanup"]:
        run(case["cleanup"].replace("{i}", str(i)), timeout)


def main():
    opts, cases = parse(sys.argv[1:])
    results = {c["name"]: {} for c in cases}
    errors = {c["name"]: {} for c in cases}
    total = opts.warmup + opts.runs
    for it in range(total):
        order = cases if it % 2 == 0 else list(reversed(cases))
        for case in order:
            warm = it < opts.warmup
            cname = case["name"]

            def record(step, ms, err, cname=cname, warm=warm):
                if warm:
                    return
                step = step.lstrip("-")
                slot = results[cname].setdefault(step, {"ok": [], "fail": 0})
                if err is None:
                    slot["ok"].append(ms)
                else:
                    slot["fail"] += 1
                    errors[cname].setdefault(step, err)

            one_iteration(case, it, opts.timeout, record)
        sys.stderr.write(f"\r  {opts.prefix or 'timer'}: iteration {it + 1}/{total}   ")
        sys.stderr.flush()
    sys.stderr.write("\n")
    with open(opts.tsv, "a") as out:
        for case in cases:
            cname = case["name"]
            steps = [s for s, _ in case["steps"] if not s.startswith("-")]
            failed_setup = [s.lstrip("-") for s, _ in case["steps"] if s.startswith("-")]
            for step in steps + failed_setup:
                slot = results[cname].get(step)
                if slot is None and step in failed_setup:
                    continue
                ok = slot["ok"] if slot else []
                fail = slot["fail"] if slot else 0
                err = errors[cname].get(step, "")
                if step in failed_setup and not fail:
                    continue
                med = statistics.median(ok) if ok else float("nan")
                lo = min(ok) if ok else float("nan")
                hi = max(ok) if ok else float("nan")
                samples = ",".join(f"{x:.1f}" for x in ok)
                out.write("\t".join([opts.prefix + step, cname, f"{med:.1f}", f"{lo:.1f}", f"{hi:.1f}",
                                     str(len(ok)), str(fail), "ms", samples, err.replace("\t", " ").replace("\n", " | ")]) + "\n")
                print(f"  {opts.prefix + step:<22} {cname:<8} median {med:8.1f} ms  min {lo:8.1f}  max {hi:8.1f}"
                      f"  n={len(ok)} fail={fail}" + (f"  ERR {err[:160]}" if err else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
