#!/usr/bin/env bash
# Berth against a reference dockerd (Debian docker.io), side by side in one run on this machine.
#   sudo bench/run-all.sh
# Builds Berth, installs what is missing (docker.io, docker-registry, busybox-static, hyperfine), starts both
# daemons on their own sockets/data roots/bridges, measures, writes the tables into docs/performance.md
# (between the bench markers) and removes everything it created, also on failure or Ctrl-C.
#
# Environment (defaults): BENCH_RUNS=40 latency runs per metric, BENCH_WARMUP=3, BENCH_CONCURRENT=50,
# BENCH_CONC_ROUNDS=3, BENCH_IMAGE_RUNS=5, BENCH_COLD_RUNS=5, BENCH_BIG_MB=100, BENCH_BUILD_RUNS=8, BENCH_DEBUG=1
# (both daemons with -D), BENCH_ONLY="coldstart containers network images build" (topics to run), BENCH_NO_DOC=1 (leave
# docs/performance.md alone), BENCH_OUT=dir (default bench/results/<UTC time>; raw numbers and logs stay there).
set -euo pipefail
if [ "$(id -u)" -ne 0 ]; then exec sudo -E "$0" "$@"; fi
here=$(cd "$(dirname "$(readlink -f "$0")")" && pwd)
# shellcheck source=bench/lib.sh
. "$here/lib.sh"
. "$here/daemon.sh"
. "$here/containers.sh"
. "$here/network.sh"
. "$here/images.sh"
. "$here/build.sh"
ONLY=${BENCH_ONLY:-coldstart containers network images build}
wants() { case " $ONLY " in *" $1 "*) return 0 ;; esac; return 1; }

for d in "${DAEMONS[@]}"; do
  daemon_alive "$d" && die "a $d of another benchmark run is alive (pid $(daemon_pid "$d"), $(pidfile_of "$d"))"
done
mkdir -p "$OUT" "$LOGS" "$WORK"
log "results and logs: $OUT"
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# Leftovers of an earlier run that died without its cleanup would skew this one.
[ -e "$B_ROOT" ] || [ -e "$D_ROOT" ] || ip link show "$B_BRIDGE" >/dev/null 2>&1 && {
  log "removing leftovers of an earlier run"; kill_runtime_leftovers
  unmount_under "$B_ROOT" "$B_EXEC" "$D_ROOT" "$D_EXEC"; rm -rf "$B_ROOT" "$B_EXEC" "$D_ROOT" "$D_EXEC"
  ip link del "$B_BRIDGE" 2>/dev/null || true; nft delete table ip "berth_$B_BRIDGE" 2>/dev/null || true; }

install_deps
write_configs
build_berth
capture_host_state
machine_notes
note concurrent "$CONCURRENT"
note big_mb "$BIG_MB"
note iterations "$RUNS timed runs (+$WARMUP warm-up) per latency metric, interleaved between the daemons; $COLD_RUNS cold starts; ${BENCH_CONC_ROUNDS:-3} rounds of $CONCURRENT concurrent containers; $IMAGE_RUNS image rounds; $RUNS_BUILD build rounds"

prepare_dockerd_bridge
log "starting both daemons (first start, empty data roots)"
b_ms=$(start_daemon berth)
d_ms=$(start_daemon dockerd)
ps -o comm= --ppid "$(daemon_pid dockerd)" | grep -qx containerd ||
  note containerd "dockerd did not start its own containerd (a system containerd on /run/containerd?): containerd's memory is not counted"
note first_start "exec → first /_ping, → first /containers/json: berth ${b_ms/ / ms, } ms, dockerd ${d_ms/ / ms, } ms (empty data roots, not counted)"
# dockerd sets FORWARD to DROP only when it had to turn ip_forward on; other engineers' containers route
# through this host while we run, so keep the policy we found (cleanup restores it anyway).
. "$OUT/host-state"; [ -n "$FORWARD_POLICY" ] && iptables -P FORWARD "$FORWARD_POLICY"

log "loading busybox into both daemons"
make_rootfs "$WORK/rootfs"
tar -C "$WORK/rootfs" -cf "$WORK/busybox.tar" .
for d in "${DAEMONS[@]}"; do import_image "$d" "$WORK/busybox.tar" busybox:latest; done
note busybox "busybox-static $(dpkg-query -W -f='${Version}' busybox-static 2>/dev/null), $(ls "$WORK/rootfs/bin" | wc -l) entries in /bin, imported with CMD sh"

if wants coldstart; then bench_coldstart; fi
bench_idle_memory
if wants containers; then bench_run_rm; bench_lifecycle; bench_exec; bench_concurrent; fi
if wants network; then bench_network; fi
if wants images; then bench_images; fi
if wants build; then bench_build; fi
note load_end "$(cut -d' ' -f1-3 /proc/loadavg)"

log "report"
doc=()
[ "${BENCH_NO_DOC:-0}" = 1 ] || doc=(--doc "$BERTH_HOME/docs/performance.md")
python3 "$BENCH_DIR/report.py" "$OUT" "${doc[@]}" > "$OUT/report.md"
cat "$OUT/report.md"
