# Shared functions of the benchmark suite (sourced by bench/run-all.sh and the topic scripts).
# Two daemons side by side, each on its own socket, data root, exec root, pidfile and bridge:
#   berth    bin/berthd from this checkout   /run/bench-berth.sock    bridge bbench0 (10.124.0.1/24)
#   dockerd  Debian docker.io (20.10)        /run/bench-dockerd.sock  bridge dbench0 (10.123.0.1/24, created here)
# Neither touches /var/run/docker.sock, berth0 or docker0.

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BERTH_HOME=$(dirname "$BENCH_DIR")
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
DAEMONS=(berth dockerd)

# Tunables (environment): iterations of the latency loops, concurrency, image size, debug logs.
RUNS=${BENCH_RUNS:-40}
WARMUP=${BENCH_WARMUP:-3}
CONCURRENT=${BENCH_CONCURRENT:-50}
IMAGE_RUNS=${BENCH_IMAGE_RUNS:-5}
COLD_RUNS=${BENCH_COLD_RUNS:-5}
BIG_MB=${BENCH_BIG_MB:-100}
RUNS_BUILD=${BENCH_BUILD_RUNS:-8}
DEBUG_FLAG=()
[ "${BENCH_DEBUG:-0}" = 1 ] && DEBUG_FLAG=(-D)

OUT=${BENCH_OUT:-$BENCH_DIR/results/$(date -u +%Y%m%d-%H%M%S)}
RESULTS=$OUT/results.tsv
LOGS=$OUT/logs
WORK=$OUT/work           # big temporary files (tars, registry storage); removed at the end

B_SOCK=/run/bench-berth.sock;   B_ROOT=/var/lib/bench-berth;   B_EXEC=/run/bench-berth;   B_PID=/run/bench-berth.pid
B_BRIDGE=bbench0;               B_BIP=10.124.0.1/24
D_SOCK=/run/bench-dockerd.sock; D_ROOT=/var/lib/bench-dockerd; D_EXEC=/run/bench-dockerd; D_PID=/run/bench-dockerd.pid
D_BRIDGE=dbench0;               D_BIP=10.123.0.1/24;           D_CGROUP=bench-dockerd
D_NET=10.123.0.0/24

# The stock CLI (28.x in /usr/local/bin) rather than docker.io's own 20.10 client in /usr/bin.
if [ -x /usr/local/bin/docker ]; then DOCKER=/usr/local/bin/docker; else DOCKER=$(command -v docker || echo docker); fi
export DOCKER_CONFIG=$OUT/docker-config DOCKER_CLI_HINTS=false

log() { printf '\033[1m[bench %s]\033[0m %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FATAL: $*"; exit 1; }

sock_of() { case $1 in berth) echo "$B_SOCK" ;; dockerd) echo "$D_SOCK" ;; esac; }
root_of() { case $1 in berth) echo "$B_ROOT" ;; dockerd) echo "$D_ROOT" ;; esac; }
exec_of() { case $1 in berth) echo "$B_EXEC" ;; dockerd) echo "$D_EXEC" ;; esac; }
pidfile_of() { case $1 in berth) echo "$B_PID" ;; dockerd) echo "$D_PID" ;; esac; }
# The docker command line for one daemon, as a string for timer.py and as a function for scripts.
dcmd() { echo "$DOCKER -H unix://$(sock_of "$1")"; }
dk() { local d=$1; shift; "$DOCKER" -H "unix://$(sock_of "$d")" "$@"; }

now_ns() { date +%s%N; }
ms_since() { echo $(( ($(now_ns) - $1) / 1000000 )); }

# record METRIC DAEMON VALUE UNIT [NOTE]: a single measurement (median=min=max) into results.tsv.
record() {
  printf '%s\t%s\t%s\t%s\t%s\t1\t0\t%s\t%s\t%s\n' "$1" "$2" "$3" "$3" "$3" "$4" "$3" "${5:-}" >> "$RESULTS"
  log "  $1 $2 = $3 $4 ${5:-}"
}
# record_fail METRIC DAEMON UNIT MESSAGE: a measurement that could not be taken.
record_fail() {
  printf '%s\t%s\tnan\tnan\tnan\t0\t1\t%s\t\t%s\n' "$1" "$2" "$3" "$(echo "$4" | tr '\t\n' '  ' | cut -c1-400)" >> "$RESULTS"
  log "  $1 $2 FAILED: $4"
}
# note KEY TEXT: free-form facts for the report (versions, failures, machine).
note() { printf '%s\t%s\n' "$1" "$(printf '%s' "$2" | tr '\t\n' '  ')" >> "$OUT/notes.tsv"; }

timer() { python3 "$BENCH_DIR/timer.py" --tsv "$RESULTS" "$@"; }

# ---------------------------------------------------------------- installation and build

install_deps() {
  local missing=() optional=() policy=""
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v docker-registry >/dev/null || missing+=(docker-registry)
  [ -x /bin/busybox ] || missing+=(busybox-static)
  for c in runc conmon nft iptables curl; do command -v $c >/dev/null || missing+=("$c"); done
  command -v hyperfine >/dev/null || optional+=(hyperfine)   # optional: timer.py does the real work
  [ ${#missing[@]} -eq 0 ] && [ ${#optional[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} ${optional[*]}"
  apt-get update -qq
  # docker.io's maintainer scripts would start a dockerd on /var/run/docker.sock (Berth's) with docker0: forbid
  # service starts during the install (policy-rc.d, honoured by invoke-rc.d and deb-systemd-invoke).
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; policy=1
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || {
      [ -n "$policy" ] && rm -f /usr/sbin/policy-rc.d; die "apt-get install ${missing[*]} failed"; }
  fi
  if [ ${#optional[@]} -gt 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${optional[@]}" >/dev/null || log "no ${optional[*]}"
  fi
  [ -n "$policy" ] && rm -f /usr/sbin/policy-rc.d
  # ...and keep them from starting at the next boot either.
  if [[ " ${missing[*]} " == *" docker.io "* ]] && [ -d /run/systemd/system ]; then
    systemctl disable --now docker.socket docker.service containerd.service >/dev/null 2>&1 || true
  fi
}

# Builds the checkout, then copies the launcher and the jars into $BERTH_RUN so that other engineers' builds in
# the same checkout cannot swap the jar under the running daemon, and trains the JDK AOT cache there
# (bin/berth-train-aot, as bin/berth-setup does after a build; a cache from an older jar is refused by the JVM).
BERTH_RUN=$WORK/berth-home
build_berth() {
  local try
  log "building Berth (mvn -o -DskipTests package)"
  for try in 1 2 3; do
    # The checkout is shared: a build can catch someone's edit half-made; try again a little later.
    (cd "$BERTH_HOME" && PATH=$JAVA_HOME/bin:$PATH mvn -B -q -o -DskipTests package) > "$LOGS/build.log" 2>&1 && break
    [ $try = 3 ] && { tail -30 "$LOGS/build.log" >&2; die "build failed (log: $LOGS/build.log)"; }
    log "build failed (attempt $try), retrying in 20 s"; sleep 20
  done
  rm -rf "$BERTH_RUN"
  mkdir -p "$BERTH_RUN/engine-daemon/target"
  cp -a "$BERTH_HOME/bin" "$BERTH_RUN/bin"
  cp -a "$BERTH_HOME/engine-daemon/target/berthd.jar" "$BERTH_HOME/engine-daemon/target/lib" \
    "$BERTH_HOME/engine-daemon/target/native" \
    "$BERTH_RUN/engine-daemon/target/"
  if [ "${BENCH_NO_AOT:-0}" != 1 ] && [ -x "$BERTH_RUN/bin/berth-train-aot" ]; then
    log "training the JDK AOT cache (bin/berth-train-aot)"
    "$BERTH_RUN/bin/berth-train-aot" > "$LOGS/train-aot.log" 2>&1 || log "AOT training failed (log: $LOGS/train-aot.log)"
  fi
}

# ---------------------------------------------------------------- daemons

daemon_cmd() { # the command line that starts daemon $1
  case $1 in
    berth)
      echo "$BERTH_RUN/bin/berthd ${DEBUG_FLAG[*]} -H unix://$B_SOCK --data-root $B_ROOT --exec-root $B_EXEC" \
           "-p $B_PID --config-file $OUT/berth.json --bridge $B_BRIDGE --bip $B_BIP" ;;
    dockerd)
      echo "/usr/sbin/dockerd ${DEBUG_FLAG[*]} -H unix://$D_SOCK --data-root $D_ROOT --exec-root $D_EXEC" \
           "--pidfile $D_PID --config-file $OUT/dockerd.json --bridge $D_BRIDGE --iptables=true" \
           "--cgroup-parent $D_CGROUP --storage-driver overlay2" ;;
  esac
}

daemon_pid() { local f; f=$(pidfile_of "$1"); [ -s "$f" ] && cat "$f"; }
daemon_alive() { local p; p=$(daemon_pid "$1") && [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }

# start_daemon NAME: starts it; prints "PING_MS READY_MS" (exec -> first /_ping, -> first /containers/json).
start_daemon() {
  local d=$1 out
  rm -f "$(sock_of "$d")"
  # shellcheck disable=SC2046
  out=$(python3 "$BENCH_DIR/coldstart.py" --sock "$(sock_of "$d")" --log "$LOGS/$d.log" -- $(daemon_cmd "$d")) ||
    die "$d did not start (log: $LOGS/$d.log)"
  echo "${out% *}"
}

# stop_daemon NAME: SIGTERM, wait up to 40 s, then SIGKILL; also waits for dockerd's containerd.
stop_daemon() {
  local d=$1 pid kids=() i
  pid=$(daemon_pid "$d") || return 0
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  mapfile -t kids < <(ps -o pid= --ppid "$pid" 2>/dev/null | tr -d ' ')
  kill -TERM "$pid" 2>/dev/null
  for i in $(seq 400); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then log "$d ($pid) ignored SIGTERM for 40 s: SIGKILL"; kill -KILL "$pid"; fi
  for i in "${kids[@]}"; do
    for _ in $(seq 100); do kill -0 "$i" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$i" 2>/dev/null && kill -KILL "$i" 2>/dev/null
  done
  return 0
}

prepare_dockerd_bridge() {
  if ! ip link show "$D_BRIDGE" >/dev/null 2>&1; then
    ip link add "$D_BRIDGE" type bridge
    ip addr add "$D_BIP" dev "$D_BRIDGE"
    ip link set "$D_BRIDGE" up
  fi
}

write_configs() {
  mkdir -p "$DOCKER_CONFIG" "$LOGS" "$WORK"
  echo '{}' > "$DOCKER_CONFIG/config.json"
  echo '{}' > "$OUT/berth.json"
  echo '{}' > "$OUT/dockerd.json"
}

# ---------------------------------------------------------------- images

# make_rootfs DIR: a busybox rootfs (busybox-static with one symlink per applet, minus busybox itself).
make_rootfs() {
  local dir=$1 a
  mkdir -p "$dir"/{bin,etc,tmp,proc,sys,dev,root,var}
  cp /bin/busybox "$dir/bin/busybox"
  for a in $(/bin/busybox --list); do
    [ "$a" = busybox ] && continue
    ln -sf busybox "$dir/bin/$a"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' > "$dir/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' > "$dir/etc/group"
  chmod 1777 "$dir/tmp"
}

# import_image NAME TAR REF: docker import with CMD sh.
import_image() {
  dk "$1" import -c 'CMD ["sh"]' "$2" "$3" >/dev/null || die "import of $2 into $1 failed"
}

# ---------------------------------------------------------------- machine facts

machine_notes() {
  note date "$(date -u '+%Y-%m-%d %H:%M UTC')"
  note host "$(. /etc/os-release; echo "$PRETTY_NAME"), kernel $(uname -r), $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB RAM"
  note cgroups "$(if [ -f /sys/fs/cgroup/cgroup.controllers ]; then echo v2; elif [ -d /sys/fs/cgroup/unified ]; then echo 'v1 (hybrid)'; else echo v1; fi)"
  local dirty
  dirty=$(git -C "$BERTH_HOME" status --porcelain -- . ':!bench' ':!docs' 2>/dev/null | wc -l)
  note berth "commit $(git -C "$BERTH_HOME" rev-parse --short HEAD 2>/dev/null)$([ "$dirty" -gt 0 ] && echo " plus uncommitted work in $dirty files (the checkout is shared)"), $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
  note dockerd "$(/usr/sbin/dockerd --version), $(containerd --version | awk '{print $1, $3}')"
  note runc "$(runc --version | head -1), $(conmon --version | head -1), containerd-shim-runc-v2 $(containerd-shim-runc-v2 -v 2>/dev/null | awk '/Version:/ {print $2}')"
  note cli "$("$DOCKER" --version)"
  note load_start "$(cut -d' ' -f1-3 /proc/loadavg)"
}

# ---------------------------------------------------------------- host state and cleanup

# Paths that dockerd/containerd may create outside their roots; those that did not exist before are removed.
HOST_PATHS=(/run/containerd /run/docker /etc/docker /etc/docker/key.json /var/lib/containerd /var/lib/docker)

capture_host_state() {
  local p
  {
    echo "FORWARD_POLICY=$(iptables -S FORWARD 2>/dev/null | awk '$1 == "-P" {print $3}')"
    echo "BRNF=$(sysctl -n net.bridge.bridge-nf-call-iptables 2>/dev/null || echo absent)"
    echo "DOCKER_CHAINS_BEFORE='$(iptables -S 2>/dev/null | awk '/^-N DOCKER/ {print $2}' | xargs)'"
    echo "NAT_DOCKER_BEFORE='$(iptables -t nat -S 2>/dev/null | awk '/^-N DOCKER/ {print $2}' | xargs)'"
    echo "NFT_TABLES_BEFORE='$(nft list tables 2>/dev/null | awk '{print $2 "/" $3}' | xargs)'"
    printf 'PATHS_BEFORE="'
    for p in "${HOST_PATHS[@]}"; do [ -e "$p" ] && printf '%s ' "$p"; done
    echo '"'
  } > "$OUT/host-state"
}

# Processes that belong to the bench daemons: monitors, shims, containerd, proxies (matched by our paths).
bench_pids() {
  ps -eo pid=,comm=,args= | awk -v self=$$ '
    $1 != self && ($2 ~ /^(conmon|containerd|containerd-shim|dockerd|docker-proxy|java|runc)/) &&
    ($0 ~ /\/bench-berth/ || $0 ~ /\/bench-dockerd/) {print $1}'
}

other_dockerd_running() {
  ps -C dockerd -o args= 2>/dev/null | grep -v -- "$D_SOCK" | grep -q .
}

cleanup_iptables() {
  local t r chains before
  # shellcheck disable=SC1091
  . "$OUT/host-state"
  for t in filter nat; do
    iptables -t $t -S 2>/dev/null | grep -E -- "(^| )($D_BRIDGE|$D_NET)( |$)" | grep '^-A' | sed 's/^-A/-D/' |
      while read -r r; do eval "iptables -t $t $r" 2>/dev/null || true; done
    before=$DOCKER_CHAINS_BEFORE; [ $t = nat ] && before=$NAT_DOCKER_BEFORE
    if [ -z "$before" ] && ! other_dockerd_running; then
      iptables -t $t -S 2>/dev/null | grep -E '^-A [A-Z]+ .*-j DOCKER' | grep -vE '^-A DOCKER' | sed 's/^-A/-D/' |
        while read -r r; do eval "iptables -t $t $r" 2>/dev/null || true; done
      chains=$(iptables -t $t -S 2>/dev/null | awk '/^-N DOCKER/ {print $2}')
      for r in $chains; do iptables -t $t -F "$r" 2>/dev/null || true; done
      for r in $chains; do iptables -t $t -X "$r" 2>/dev/null || true; done
    fi
  done
  [ -n "${FORWARD_POLICY:-}" ] && iptables -P FORWARD "$FORWARD_POLICY"
  # iptables-nft tables that dockerd created (ip filter, ip nat) go again once they hold no rule.
  for t in filter nat; do
    case " $NFT_TABLES_BEFORE " in *" ip/$t "*) continue ;; esac
    nft list table ip $t >/dev/null 2>&1 || continue
    if [ -z "$(iptables -t $t -S 2>/dev/null | grep -v '^-P')" ] &&
       ! iptables -t $t -S 2>/dev/null | grep '^-P' | grep -qv ACCEPT; then
      nft delete table ip $t 2>/dev/null || true
    fi
  done
  if [ "${BRNF:-absent}" != absent ]; then sysctl -qw net.bridge.bridge-nf-call-iptables="$BRNF" || true; fi
}

remove_all_containers() {
  local d=$1 ids
  daemon_alive "$d" || return 0
  ids=$(timeout 30 "$DOCKER" -H "unix://$(sock_of "$d")" ps -aq 2>/dev/null) || return 0
  [ -z "$ids" ] && return 0
  log "removing $(echo "$ids" | wc -w) leftover containers of $d"
  # shellcheck disable=SC2086
  timeout 180 "$DOCKER" -H "unix://$(sock_of "$d")" rm -f $ids >/dev/null 2>&1 || true
}

# Containers whose daemon is gone: delete them through the runtime state the daemons left.
kill_runtime_leftovers() {
  local f root id
  for f in $(find "$B_EXEC" "$D_EXEC" -name state.json 2>/dev/null); do
    root=$(dirname "$(dirname "$f")"); id=$(basename "$(dirname "$f")")
    runc --root "$root" delete -f "$id" >/dev/null 2>&1 || true
  done
  for f in $(bench_pids); do kill -TERM "$f" 2>/dev/null || true; done
  sleep 0.5
  for f in $(bench_pids); do kill -KILL "$f" 2>/dev/null || true; done
}

unmount_under() {
  local re m
  re="^($(IFS='|'; echo "$*"))(/|$)"
  for m in $(awk '{print $5}' /proc/self/mountinfo | grep -E "$re" | sort -r); do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
}

cleanup() {
  local rc=$? d p
  set +e
  trap - EXIT INT TERM
  log "cleaning up (exit status $rc)"
  stop_registry
  for d in "${DAEMONS[@]}"; do remove_all_containers "$d"; done
  for d in "${DAEMONS[@]}"; do stop_daemon "$d"; done
  kill_runtime_leftovers
  unmount_under "$B_ROOT" "$B_EXEC" "$D_ROOT" "$D_EXEC"
  rm -rf "$B_ROOT" "$B_EXEC" "$D_ROOT" "$D_EXEC" "$B_SOCK" "$D_SOCK" "$B_PID" "$D_PID"
  ip link del "$B_BRIDGE" 2>/dev/null
  ip link del "$D_BRIDGE" 2>/dev/null
  nft delete table ip "berth_$B_BRIDGE" 2>/dev/null
  [ -f "$OUT/host-state" ] && cleanup_iptables
  find /sys/fs/cgroup -maxdepth 4 -type d -name "$D_CGROUP" 2>/dev/null | while read -r p; do
    find "$p" -depth -type d -exec rmdir {} \; 2>/dev/null
  done
  if [ -f "$OUT/host-state" ]; then
    # shellcheck disable=SC1091
    . "$OUT/host-state"
    for p in "${HOST_PATHS[@]}"; do
      case " $PATHS_BEFORE " in *" $p "*) continue ;; esac
      [ -e "$p" ] || continue
      if [ "$p" = /run/containerd ] && pgrep -x containerd >/dev/null; then continue; fi
      rm -rf "$p"
    done
  fi
  rm -rf "$WORK"
  leftovers_check
  return $rc
}

# Prints (and notes) anything of ours that is still on the host after cleanup.
leftovers_check() {
  local left=""
  grep -qE "/bench-(berth|dockerd)" /proc/self/mountinfo && left+="mounts; "
  [ -n "$(bench_pids)" ] && left+="processes $(bench_pids | xargs); "
  ip link show "$B_BRIDGE" >/dev/null 2>&1 && left+="$B_BRIDGE; "
  ip link show "$D_BRIDGE" >/dev/null 2>&1 && left+="$D_BRIDGE; "
  nft list table ip "berth_$B_BRIDGE" >/dev/null 2>&1 && left+="nft table berth_$B_BRIDGE; "
  iptables -S 2>/dev/null | grep -q -- "$D_BRIDGE" && left+="iptables rules for $D_BRIDGE; "
  ip -o link show type veth 2>/dev/null | grep -qE "master ($B_BRIDGE|$D_BRIDGE)" && left+="veths; "
  [ -e "$B_ROOT" ] || [ -e "$D_ROOT" ] && left+="data roots; "
  if [ -n "$left" ]; then log "cleanup left: $left"; else log "cleanup complete: nothing of the benchmark is left"; fi
  [ -d "$OUT" ] && note cleanup "${left:-complete}"
}

# ---------------------------------------------------------------- registry

REGISTRY_PID=""
REGISTRY_PORT=""

# start_registry DIR: a docker-registry (Distribution) on 127.0.0.1, filesystem storage in DIR.
start_registry() {
  local dir=$1
  mkdir -p "$dir/storage"
  REGISTRY_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  cat > "$dir/config.yml" <<YML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$REGISTRY_PORT
YML
  /usr/bin/docker-registry serve "$dir/config.yml" >> "$LOGS/registry.log" 2>&1 &
  REGISTRY_PID=$!
  for _ in $(seq 200); do
    curl -fsS "http://127.0.0.1:$REGISTRY_PORT/v2/" >/dev/null 2>&1 && return 0
    sleep 0.05
  done
  die "docker-registry did not come up on 127.0.0.1:$REGISTRY_PORT (log: $LOGS/registry.log)"
}

stop_registry() {
  [ -n "$REGISTRY_PID" ] || return 0
  kill "$REGISTRY_PID" 2>/dev/null && { wait "$REGISTRY_PID" 2>/dev/null || true; }
  REGISTRY_PID=""
  return 0
}

# record_samples METRIC DAEMON UNIT "S1 S2 ..." [NOTE]: median/min/max of several measurements.
record_samples() {
  local line
  line=$(python3 -c '
import statistics, sys
xs = [float(x) for x in sys.argv[1].split()]
print("%.1f\t%.1f\t%.1f\t%d\t%s" % (statistics.median(xs), min(xs), max(xs), len(xs), ",".join("%.1f" % x for x in xs)))
' "$4")
  IFS=$'\t' read -r med lo hi n samples <<< "$line"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$med" "$lo" "$hi" "$n" "${6:-0}" "$3" "$samples" "${5:-}" >> "$RESULTS"
  log "  $1 $2 median $med $3 (min $lo, max $hi, n=$n)"
}
