#!/usr/bin/env python3
"""Turns a benchmark run (results.tsv + notes.tsv in a results dir) into markdown.

usage: report.py RESULTS_DIR [--doc docs/performance.md]

Prints the report. With --doc, also replaces the part of that file between the markers
<!-- bench:begin --> and <!-- bench:end --> (creating the file with a short header when it does not exist).
"""
import argparse
import math
import os
import sys

BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
DAEMONS = ("berth", "dockerd")

# (key, label); a key starting with '=' is derived (see derived()).
SECTIONS = [
    ("Containers (latency of one CLI command, ms)", [
        ("run_rm", "`run --rm busybox true`"),
        ("cli_floor", "`version` (the CLI's own start + `/_ping` + `/version`: the floor of every command)"),
        ("run_rm_hyperfine", "`run --rm busybox true`, hyperfine cross-check (not interleaved)"),
        ("create", "`create busybox sh -c …`"),
        ("start", "`start`"),
        ("stop", "`stop -t 1` (PID 1 exits on SIGTERM)"),
        ("stop_kill", "`stop -t 1` (PID 1 ignores SIGTERM: kill after 1 s)"),
        ("rm", "`rm` (stopped container)"),
        ("exec", "`exec <c> true`"),
        ("run_d_concurrent", "{n} × concurrent `run -d busybox sleep 300` (wall)"),
        ("rm_f_concurrent", "{n} × concurrent `rm -f` of them (wall)"),
    ]),
    ("Network setup (ms)", [
        ("run_rm_none", "`run --rm --network none busybox true`"),
        ("run_rm_bridge", "`run --rm busybox true` (default bridge)"),
        ("=net_cost", "network setup cost (bridge − none, medians)"),
    ]),
    ("Images, {big} MiB of random data in one layer (ms)", [
        ("import_big", "`import` of the rootfs tar (1 run)"),
        ("save", "`save -o file`"),
        ("load", "`load -i file` (image removed before)"),
        ("push", "`push` to a local docker-registry (empty storage)"),
        ("pull", "`pull` back (image removed before)"),
    ]),
    ("docker build, classic builder, 6-step Dockerfile (ms)", [
        ("build_nocache", "`build --no-cache` (every step runs; 1 RUN container)"),
        ("build_cached", "rebuild unchanged (every step `Using cache`)"),
    ]),
    ("Daemon", [
        ("coldstart", "cold start: exec → first `/_ping` (ms)"),
        ("coldstart_ready", "cold start: exec → first `GET /containers/json` answered (ms)"),
        ("rss_engine_idle", "engine RSS, idle (MiB) ¹"),
        ("pss_engine_idle", "engine PSS, idle (MiB)"),
        ("running_50", "containers running during the memory snapshot"),
        ("rss_engine_50", "engine RSS with {n} running (MiB)"),
        ("rss_monitors_50", "monitor processes RSS, {n} containers (MiB) ²"),
        ("pss_monitors_50", "monitor processes PSS, {n} containers (MiB)"),
        ("rss_per_monitor_50", "RSS per monitor process (MiB)"),
        ("pss_per_monitor_50", "PSS per monitor process (MiB)"),
        ("rss_total_50", "engine + monitors RSS with {n} running (MiB)"),
        ("pss_total_50", "engine + monitors PSS with {n} running (MiB)"),
        ("=per_container", "memory per running container: (PSS total with {n} − idle) / {n} (MiB)"),
        ("rss_engine_after", "engine RSS after the containers are gone (MiB)"),
    ]),
]


def load(outdir):
    rows = {}
    with open(os.path.join(outdir, "results.tsv")) as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if len(p) < 8:
                continue
            p += [""] * (10 - len(p))
            key, daemon = p[0], p[1]
            rows[(key, daemon)] = {"med": float(p[2]), "min": float(p[3]), "max": float(p[4]), "n": int(p[5]),
                                   "fail": int(p[6]), "unit": p[7], "samples": p[8], "err": p[9]}
    notes = []
    path = os.path.join(outdir, "notes.tsv")
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                k, _, v = line.rstrip("\n").partition("\t")
                notes.append((k, v))
    return rows, notes


def derived(key, rows, d, n):
    def med(k):
        r = rows.get((k, d))
        return r["med"] if r and r["n"] else float("nan")
    if key == "net_cost":
        return med("run_rm_bridge") - med("run_rm_none")
    if key == "per_container":
        return (med("pss_total_50") - med("pss_total_idle")) / n
    return float("nan")


def fmt(x):
    if math.isnan(x):
        return "—"
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.1f}" if abs(x) >= 10 else f"{x:.2f}"


def cell(r):
    if r is None:
        return "—", float("nan")
    if r["unit"] == "count" and r["n"]:
        return f"{r['med']:.0f}", r["med"]
    if r["n"] == 0:
        return "**failed** ³", float("nan")
    text = fmt(r["med"])
    if r["n"] > 1 and r["unit"] == "ms":
        text += f" ({fmt(r['min'])}–{fmt(r['max'])})"
    if r["fail"]:
        text += f", {r['fail']} failed"
    return text, r["med"]


def ratio(b, k):
    if math.isnan(b) or math.isnan(k) or k == 0:
        return "—"
    return f"{b / k:.2f}"


def render(outdir):
    rows, notes = load(outdir)
    nd = dict(notes)
    n = int(nd.get("concurrent", "50"))
    big = nd.get("big_mb", "100")
    out = []
    out.append(f"Run of {nd.get('date', '?')} on {nd.get('host', '?')}, cgroups {nd.get('cgroups', '?')}.")
    out.append("")
    out.append(f"- Berth: {nd.get('berth', '?')}")
    out.append(f"- dockerd: {nd.get('dockerd', '?')}")
    out.append(f"- runtime and monitors: {nd.get('runc', '?')}")
    out.append(f"- client: {nd.get('cli', '?')} (the same binary for both daemons)")
    out.append(f"- load average (1/5/15 min) at the start: {nd.get('load_start', '?')}, at the end: "
               f"{nd.get('load_end', '?')}; other engineers' test suites shared the 2 cores during the run")
    out.append(f"- iterations: {nd.get('iterations', '?')}")
    out.append("")
    out.append("Cells: median (min–max) over the runs; the ratio is Berth ÷ dockerd of the medians "
               "(below 1: Berth is faster or smaller).")
    out.append("")
    for title, metrics in SECTIONS:
        out.append(f"### {title.format(big=big)}")
        out.append("")
        out.append("| metric | Berth | dockerd | Berth/dockerd |")
        out.append("|---|---|---|---|")
        for key, label in metrics:
            label = label.format(n=n)
            if key.startswith("="):
                b = derived(key[1:], rows, "berth", n)
                k = derived(key[1:], rows, "dockerd", n)
                out.append(f"| {label} | {fmt(b)} | {fmt(k)} | {ratio(b, k)} |")
                continue
            if not any((key, d) in rows for d in DAEMONS):
                continue
            (bt, b), (kt, k) = cell(rows.get((key, "berth"))), cell(rows.get((key, "dockerd")))
            out.append(f"| {label} | {bt} | {kt} | {ratio(b, k)} |")
        out.append("")
    out.append("¹ Engine: berthd's JVM; dockerd plus the containerd it starts and supervises. "
               "RSS counts shared pages in each process; PSS shares them out, so PSS sums are the honest totals.  ")
    out.append("² Monitors: one `conmon` per Berth container; one `containerd-shim-runc-v2` per dockerd container.  ")
    failures = [(k, d, r) for (k, d), r in sorted(rows.items()) if r["fail"] and r["err"]]
    out.append("³ Failures (command and output):")
    out.append("")
    if failures:
        for k, d, r in failures:
            out.append(f"- {k} on {d}: {r['fail']} failed — {r['err']}")
    else:
        out.append("- none")
    out.append("")
    shown = {"date", "host", "cgroups", "berth", "dockerd", "runc", "cli", "load_start", "load_end", "iterations",
             "concurrent", "big_mb"}
    extra = [(k, v) for k, v in notes if k not in shown]
    if extra:
        out.append("Observations recorded during the run:")
        out.append("")
        for k, v in extra:
            out.append(f"- `{k}`: {v}")
        out.append("")
    out.append("<details><summary>Raw samples (ms or MiB, in run order)</summary>")
    out.append("")
    out.append("| metric | daemon | n | failed | samples |")
    out.append("|---|---|---|---|---|")
    for (k, d), r in rows.items():
        out.append(f"| {k} | {d} | {r['n']} | {r['fail']} | {r['samples'].replace(',', ', ')} |")
    out.append("")
    out.append("</details>")
    return "\n".join(out) + "\n"


def update_doc(path, body):
    if os.path.exists(path):
        text = open(path).read()
    else:
        text = ("# Performance: Berth against dockerd\n\nRun: `sudo bench/run-all.sh`.\n\n"
                f"## Results\n\n{BEGIN}\n{END}\n")
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n## Results\n\n{BEGIN}\n{END}\n"
    head, _, rest = text.partition(BEGIN)
    _, _, tail = rest.partition(END)
    with open(path + ".tmp", "w") as f:
        f.write(head + BEGIN + "\n" + body + END + tail)
    os.replace(path + ".tmp", path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("outdir")
    p.add_argument("--doc")
    a = p.parse_args()
    body = render(a.outdir)
    sys.stdout.write(body)
    if a.doc:
        update_doc(a.doc, body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
